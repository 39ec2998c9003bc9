package fr.opaline.platform.http;

/**
 * A refusal that the HTTP layer turns into a status and a JSON body {@code {"error", "message"}}:
 * the message is shown to a person, in French.
 */
public class HttpError extends RuntimeException {

    private final int status;
    private final String error;

    public HttpError(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, "invalid_request", message);
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, "not_found", message);
    }
}
