package fr.opaline.platform.http;

/**
 * A refusal that the HTTP layer turns into a status and a JSON body {@code {"error", "message"}}:
 * the message is shown to a person, in French.
 */
public class HttpError extends RuntimeException {

    /** The JSON body of the answer: an error code for programs and the French message for people. */
    public record Body(String error, String message) {
    }

    private final int status;
    private final Body body;

    public HttpError(int status, String error, String message) {
        super(message);
        this.status = status;
        this.body = new Body(error, message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return body.error();
    }

    /** What the HTTP layer writes as the answer's JSON body. */
    public Body body() {
        return body;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, "invalid_request", message);
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, "not_found", message);
    }
}
