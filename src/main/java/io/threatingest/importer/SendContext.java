package io.threatingest.importer;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What every {@link ChunkSender} works with: the HTTP sender, the booking of answers, progress notices, JSON. */
record SendContext(Sender http, Booking booking, Progress progress, ObjectMapper json) {
}
