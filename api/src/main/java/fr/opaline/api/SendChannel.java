package fr.opaline.api;

import java.util.Locale;

/**
 * Where a validated CR is sent, recognised by the outbox job types of the sharing modules
 * ({@code dmp-…}, {@code drimbox-…}, {@code mss-…}).
 */
public enum SendChannel {
    DMP("dmp"),
    DRIMBOX("drimbox"),
    MSSANTE("mss");

    private final String typePrefix;

    SendChannel(String typePrefix) {
        this.typePrefix = typePrefix;
    }

    /** The channel of a job type, or null for jobs that are not a CR send. */
    public static SendChannel of(String jobType) {
        String type = jobType.toLowerCase(Locale.ROOT);
        if (type.startsWith("dmp-feed-received")) {
            return null; // a received document going to the DMP is not this practice's CR
        }
        for (SendChannel channel : values()) {
            if (type.startsWith(channel.typePrefix)) {
                return channel;
            }
        }
        return null;
    }
}
