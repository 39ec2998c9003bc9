package fr.opaline.api;

/**
 * The practice a server serves, as every workstation shows it before and after sign-in.
 *
 * @param name the practice's name ({@code practice.name}, set at setup or in Administration); null
 *             when not set yet
 */
public record PracticeInfo(String name) {
}
