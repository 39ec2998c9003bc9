package fr.opaline.ins.insi;

import fr.opaline.core.patient.IdentityTraits;
import fr.opaline.core.patient.InsNumber;
import fr.opaline.ins.insi.InsiException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;

/**
 * Client of the téléservice INSi: SOAP 1.2 over HTTPS (plain HTTP for the sandbox). Each call is
 * bounded by the configured time limit; every failure is an {@link InsiException} with a French
 * message, never a partial result.
 */
public final class InsiClient {

    static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final InsiSettings settings;
    private final InsiRequests requests;
    private final Clock clock;
    private final HttpClient http;

    public InsiClient(InsiSettings settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.requests = new InsiRequests(settings);
        this.clock = clock;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        this.http = builder.build();
    }

    public InsiSettings settings() {
        return settings;
    }

    /** Récupération by traits (RECSANSVITALE). */
    public InsiResponse searchByTraits(InsiTraitsQuery query) {
        return call(InsiSoap.OP_BY_TRAITS, requests.byTraits(query, clock.instant()), true);
    }

    /** Récupération with the carte Vitale data (RECVITALE). */
    public InsiResponse searchByCarteVitale(CarteVitaleQuery query) {
        return call(InsiSoap.OP_BY_CARTE_VITALE, requests.byCarteVitale(query, clock.instant()), true);
    }

    /** Vérification of an INS and its traits: 00 when confirmed. */
    public InsiResponse verify(InsNumber ins, IdentityTraits traits) {
        return call(InsiSoap.OP_VERIFY, requests.verification(ins, traits, clock.instant()), false);
    }

    private InsiResponse call(String operation, String envelope, boolean identityRequired) {
        String action = InsiSoap.action(operation);
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", InsiSoap.CONTENT_TYPE + "; charset=utf-8; action=\"" + action + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        HttpResponse<InputStream> response;
        byte[] body;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
        } catch (HttpTimeoutException e) {
            throw new InsiException(Kind.TIMEOUT, "Le téléservice INSi n'a pas répondu dans le délai de "
                    + settings.timeout().toSeconds() + " s. Réessayez dans quelques instants.", null, e);
        } catch (ConnectException e) {
            throw new InsiException(Kind.UNREACHABLE, "Le téléservice INSi est injoignable (" + settings.endpoint()
                    + "). Vérifiez la connexion réseau.", null, e);
        } catch (IOException e) {
            throw new InsiException(Kind.UNREACHABLE, "Échange interrompu avec le téléservice INSi : " + e.getMessage(),
                    null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InsiException(Kind.UNREACHABLE, "Appel au téléservice INSi interrompu.", null, e);
        }
        if (body.length > MAX_RESPONSE_BYTES) {
            throw new InsiException(Kind.MALFORMED_RESPONSE, "Réponse du téléservice INSi anormalement volumineuse.");
        }
        return InsiResponses.read(response.statusCode(), body, identityRequired);
    }
}
