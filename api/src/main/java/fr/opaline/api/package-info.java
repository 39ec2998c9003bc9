/**
 * The application API: what the desktop asks of the practice server, as Java interfaces grouped by
 * area ({@link fr.opaline.api.SessionApi}, {@link fr.opaline.api.AgendaApi}, {@link fr.opaline.api.PatientApi}),
 * their data (core's value records where they serialise cleanly, records of this package otherwise),
 * and the HTTPS client that implements them ({@link fr.opaline.api.client.ApiClient}). Served by the
 * {@code server} module as {@code POST /api/v1/{area}/{operation}}; this module knows nothing of it.
 */
package fr.opaline.api;
