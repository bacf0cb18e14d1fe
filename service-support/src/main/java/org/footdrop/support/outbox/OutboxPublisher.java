package org.footdrop.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The one place a service sends events from. Sends on a single thread in the order the writes
 * were accepted (so one patient's events keep their order within the service's topic), then removes
 * the pending markers of the sent events, up to 1,000 in one delete; the record itself is not
 * written again (docs/adr/0001-single-document-outbox.md). An event whose send fails keeps its
 * marker; the sweep sends it again later. A bulk write's batch has one marker for all its events: it
 * goes once every one of them is sent; if one is not, it stays for the sweep, narrowed to the events
 * not sent.
 */
public class OutboxPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final int capacity;
    private final BlockingQueue<PendingEvent> queue;
    /** The ids of the markers whose events this instance is writing or sending: the sweep's hands off. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /**
     * For each batch marker being sent, the current attempt. An event carries the attempt it was
     * queued by, so that an abandoned attempt cannot end a newer one; its remaining events are still
     * sent (at-least-once), so one event that fails holds back no other.
     */
    private final Map<String, BatchAttempt> attempts = new ConcurrentHashMap<>();
    /** Attempts abandoned since the mark loop last looked: their markers lose the events they sent. */
    private final ConcurrentLinkedQueue<Map.Entry<String, BatchAttempt>> abandoned = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<PendingEvent> sent = new ConcurrentLinkedQueue<>();
    private final Counter sendFailures;
    private volatile boolean running;
    private Thread sender;
    private Thread marker;

    public OutboxPublisher(
            KafkaTemplate<String, byte[]> kafka,
            MongoTemplate mongo,
            MeterRegistry meters,
            OutboxProperties properties) {
        this.kafka = kafka;
        this.mongo = mongo;
        this.meters = meters;
        this.capacity = properties.queueCapacity();
        this.queue = new LinkedBlockingQueue<>(capacity);
        this.sendFailures = Counter.builder("footdrop.outbox.send.failures")
                .description("Event sends that failed and were left pending for the sweep")
                .register(meters);
    }

    /** Queues events that were just stored; never blocks the request thread. */
    public void enqueue(String collection, String recordId, List<OutboxEntry> events) {
        for (OutboxEntry event : events) {
            if (!inFlight.add(event.eventId())) {
                continue;
            }
            if (!queue.offer(new PendingEvent(collection, recordId, event, event.eventId(), null))) {
                // Full: the marker keeps the event safe until the sweep finds it.
                inFlight.remove(event.eventId());
            }
        }
    }

    /** One event of a batch and the record document that holds it. */
    public record Batched(String recordId, OutboxEntry entry) {}

    /**
     * Takes a batch marker before it is written, so that the sweep leaves it alone while its records
     * are being inserted; false if it is taken already. Whoever claims it ends the claim with
     * {@link #enqueueClaimedBatch} or {@link #release}.
     */
    public boolean claim(String markerId) {
        return inFlight.add(markerId);
    }

    /** Gives a claimed marker back to the sweep, its events not queued here. */
    public void release(String markerId) {
        inFlight.remove(markerId);
    }

    /**
     * Queues the events of a stored batch under its marker, unless another thread has claimed it;
     * never blocks. False when they were not queued: the marker keeps them safe for the sweep.
     */
    public boolean enqueueBatch(String collection, String markerId, List<Batched> events) {
        return claim(markerId) && enqueueClaimedBatch(collection, markerId, events);
    }

    /**
     * Queues the events of a batch whose marker the caller claimed, all or none (none of them is sent
     * twice for want of room); the claim ends either way. False when there was no room for them all.
     */
    public boolean enqueueClaimedBatch(String collection, String markerId, List<Batched> events) {
        if (events.isEmpty() || queue.remainingCapacity() < events.size()) {
            release(markerId);
            return false;
        }
        BatchAttempt attempt = new BatchAttempt(
                events.stream().map(event -> event.entry().eventId()).toList());
        attempts.put(markerId, attempt);
        for (Batched event : events) {
            if (!queue.offer(new PendingEvent(collection, event.recordId(), event.entry(), markerId, attempt))) {
                abandon(markerId, attempt); // another writer took the room: the marker is the sweep's again
                return false;
            }
        }
        return true;
    }

    /** True while this instance is already sending the marker's events, so the sweep leaves it alone. */
    public boolean isInFlight(String markerId) {
        return inFlight.contains(markerId);
    }

    /**
     * The most events of one batch: half the queue, so that a batch is taken whole while live writes
     * keep the rest of the queue busy. A larger one is written, or swept, in parts.
     */
    public int maxBatch() {
        return Math.max(1, capacity / 2);
    }

    public int queued() {
        return queue.size();
    }

    private void sendLoop() {
        while (running || !queue.isEmpty()) {
            PendingEvent event;
            try {
                event = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (event != null) {
                send(event);
            }
        }
    }

    private void send(PendingEvent event) {
        OutboxEntry entry = event.entry();
        try {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(entry.topic(), entry.key(), entry.payloadBytes());
            entry.headers()
                    .forEach((name, value) ->
                            record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
            kafka.send(record).whenComplete((result, failure) -> {
                if (failure == null) {
                    meters.counter("footdrop.events.published", "type", entry.type())
                            .increment();
                    sent.add(event);
                } else {
                    failed(event, failure);
                }
            });
        } catch (RuntimeException e) {
            failed(event, e);
        }
    }

    private void failed(PendingEvent event, Throwable failure) {
        OutboxEntry entry = event.entry();
        sendFailures.increment();
        if (event.attempt() == null) {
            inFlight.remove(entry.eventId());
        } else {
            abandon(event.markerId(), event.attempt());
        }
        log.warn(
                "Event {} of type {} not sent, left pending for the sweep: {}",
                entry.eventId(),
                entry.type(),
                failure.toString());
    }

    private void markLoop() {
        while (running || !sent.isEmpty() || !inFlight.isEmpty()) {
            try {
                if (!markSent()) {
                    TimeUnit.MILLISECONDS.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The store is away: the events stay pending and are sent again later (at-least-once).
                log.warn("Could not remove the markers of sent events: {}", e.toString());
                sleepQuietly();
            }
            if (!running && queue.isEmpty() && sent.isEmpty()) {
                return;
            }
        }
    }

    /**
     * The marker stays; its events are the sweep's again. Only the current attempt can be abandoned:
     * a late failure of an earlier one changes nothing.
     */
    private void abandon(String markerId, BatchAttempt attempt) {
        if (end(markerId, attempt)) {
            abandoned.add(Map.entry(markerId, attempt));
            inFlight.remove(markerId);
        }
    }

    /**
     * Ends the marker's attempt if it is still the current one. By identity: two attempts with the same
     * events unsent are equal sets, and a late failure of the older must not end the newer.
     */
    private boolean end(String markerId, BatchAttempt attempt) {
        boolean[] ended = {false};
        attempts.computeIfPresent(markerId, (id, current) -> {
            ended[0] = current == attempt;
            return ended[0] ? null : current;
        });
        return ended[0];
    }

    /**
     * Removes the markers all of whose events are sent, in one write; false when no event was sent
     * since. Should the removal fail, the sweep sends the events again (at-least-once; consumers are
     * idempotent).
     */
    boolean markSent() {
        List<PendingEvent> batch = new ArrayList<>();
        for (PendingEvent event; batch.size() < 1000 && (event = sent.poll()) != null; ) {
            batch.add(event);
        }
        Map<String, BatchAttempt> toNarrow = new HashMap<>();
        for (Map.Entry<String, BatchAttempt> ended; (ended = abandoned.poll()) != null; ) {
            toNarrow.put(ended.getKey(), ended.getValue());
        }
        if (batch.isEmpty() && toNarrow.isEmpty()) {
            return false;
        }
        List<String> done = new ArrayList<>();
        for (PendingEvent event : batch) {
            String markerId = event.markerId();
            if (event.attempt() == null) {
                done.add(markerId);
                continue;
            }
            BatchAttempt attempt = event.attempt();
            boolean current = attempts.get(markerId) == attempt;
            if (attempt.acknowledge(event.entry().eventId()) && end(markerId, attempt)) {
                done.add(markerId);
            } else if (!current) {
                toNarrow.put(markerId, attempt); // acknowledged after its attempt failed elsewhere
            }
        }
        if (!done.isEmpty()) {
            try {
                mongo.remove(Query.query(Criteria.where("_id").in(done)), PendingEventMarker.COLLECTION);
            } finally {
                done.forEach(inFlight::remove);
            }
        }
        toNarrow.forEach((markerId, attempt) -> narrow(markerId, attempt.acknowledged()));
        return true;
    }

    /**
     * Takes the events an attempt sent off their batch's marker once the attempt failed elsewhere
     * (whether their acknowledgements came before or after the failure), so that the sweep
     * re-sends only what was not sent: one event that always fails (a poison event) then holds a marker
     * of its own, not its whole batch re-sent every sweep. Quiet: should it fail, or race a newer
     * attempt, the marker keeps more events than it needs, which are sent again (at-least-once).
     */
    private void narrow(String markerId, Set<String> sent) {
        try {
            PendingEventMarker marker =
                    mongo.findById(markerId, PendingEventMarker.class, PendingEventMarker.COLLECTION);
            if (marker == null || !marker.isBatch()) {
                return; // gone with a newer attempt that sent everything
            }
            List<PendingEventMarker.BatchedEvent> left = marker.events().stream()
                    .filter(event -> !sent.contains(event.eventId()))
                    .toList();
            if (left.size() == marker.events().size()) {
                return;
            }
            Query same = Query.query(Criteria.where("_id").is(markerId));
            if (left.isEmpty()) {
                mongo.remove(same, PendingEventMarker.COLLECTION);
                return;
            }
            // replaced, never re-created: a newer attempt may have removed it meanwhile
            mongo.findAndReplace(
                    same,
                    PendingEventMarker.batch(markerId, marker.collection(), left, marker.createdAt(), marker.due()),
                    PendingEventMarker.COLLECTION);
        } catch (RuntimeException e) {
            log.warn("Batch marker {} not narrowed to its unsent events: {}", markerId, e.toString());
        }
    }

    private static void sleepQuietly() {
        try {
            TimeUnit.MILLISECONDS.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        sender = daemon("outbox-sender", this::sendLoop);
        marker = daemon("outbox-marker", this::markLoop);
    }

    @Override
    public void stop() {
        running = false;
        joinQuietly(sender);
        kafka.flush();
        joinQuietly(marker);
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server has drained its requests and stopped, before the producer closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
