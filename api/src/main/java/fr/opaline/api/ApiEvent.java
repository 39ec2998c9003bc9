package fr.opaline.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A change made at one seat that the others show without a refresh, sent by the server as a
 * server-sent event ({@code GET /api/v1/events}).
 *
 * @param type    what happened: {@code appointment.booked}, {@code appointment.moved},
 *                {@code appointment.arrived}, {@code appointment.cancelled}, {@code patient.created},
 *                {@code exam.started}, {@code exam.completed}, {@code catalogue.changed} (a room or an exam);
 *                {@code report.saved}, {@code report.validated}, {@code report.amended}, {@code report.retracted}
 *                (subject: the exam's step); {@code queue.changed}, {@code send.succeeded}, {@code send.failed}
 *                (subject: the outbox job); {@code inbox.changed} (received documents arrived in or left the
 *                integration worklist, no subject)
 * @param subject the appointment, patient, procedure step, room, exam or outbox job concerned
 * @param roomId  the room of an appointment, else null (a screen ignores rooms it does not show)
 */
public record ApiEvent(String type, UUID subject, UUID roomId, Instant at) {
}
