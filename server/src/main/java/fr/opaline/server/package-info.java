/**
 * The practice server's application API: the {@code api} interfaces implemented over the domain
 * services and served on the {@code platform/http} scaffolding as {@code POST /api/v1/{area}/{operation}}
 * by one dispatcher, which checks the session (bound to the workstation's TLS key) and the role each
 * operation declares. Also {@code GET /api/v1/version}, {@code /events} (server-sent events) and
 * {@code /openapi}.
 */
package fr.opaline.server;
