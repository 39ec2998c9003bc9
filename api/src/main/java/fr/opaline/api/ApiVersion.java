package fr.opaline.api;

/**
 * The version of the application API, {@code major.minor}: a minor adds operations, a major changes
 * or removes some. A desktop works with a server of the same major and a minor at least its own.
 *
 * @param api     the API version the server serves
 * @param product the Opaline version of the server (shown to the user)
 */
public record ApiVersion(String api, String product) {

    /** The version this build speaks. */
    public static final String CURRENT = "1.0";

    /** Whether a desktop speaking {@code client} can work with this server. */
    public boolean accepts(String client) {
        int[] server = parse(api);
        int[] wanted = parse(client);
        return server[0] == wanted[0] && server[1] >= wanted[1];
    }

    private static int[] parse(String version) {
        if (version == null || !version.matches("\\d+\\.\\d+")) {
            return new int[] {-1, -1};
        }
        String[] parts = version.split("\\.");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    }
}
