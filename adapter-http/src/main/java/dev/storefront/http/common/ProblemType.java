package dev.storefront.http.common;

/** Every kind of problem the API answers with: a stable relative URI, a title and a status. */
public enum ProblemType {
    VALIDATION("/problems/validation", "Invalid request", 400),
    MALFORMED_REQUEST("/problems/malformed-request", "Malformed request", 400),
    UNAUTHENTICATED("/problems/unauthenticated", "Not authenticated", 401),
    FORBIDDEN("/problems/forbidden", "Forbidden", 403),
    EMAIL_UNVERIFIED("/problems/email-unverified", "Email not verified", 403),
    NOT_FOUND("/problems/not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("/problems/method-not-allowed", "Method not allowed", 405),
    CONFLICT("/problems/conflict", "Conflict", 409),
    PAYLOAD_TOO_LARGE("/problems/payload-too-large", "Payload too large", 413),
    UNSUPPORTED_MEDIA_TYPE("/problems/unsupported-media-type", "Unsupported media type", 415),
    RATE_LIMITED("/problems/rate-limited", "Too many requests", 429),
    INTERNAL("/problems/internal", "Internal server error", 500),
    UNAVAILABLE("/problems/unavailable", "Service unavailable", 503);

    private final String uri;
    private final String title;
    private final int status;

    ProblemType(String uri, String title, int status) {
        this.uri = uri;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }
}
