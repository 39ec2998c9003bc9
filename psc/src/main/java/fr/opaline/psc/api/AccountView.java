package fr.opaline.psc.api;

import java.util.UUID;

/** A local account, as offered or opened after a PSC login. */
public record AccountView(UUID id, String login, String displayName, String role) {
}
