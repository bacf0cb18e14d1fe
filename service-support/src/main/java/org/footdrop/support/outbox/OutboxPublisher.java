package org.footdrop.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * marker; the sweep sends it again later.
 */
public class OutboxPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    private final BlockingQueue<PendingEvent> queue;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
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
        this.queue = new LinkedBlockingQueue<>(properties.queueCapacity());
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
            if (!queue.offer(new PendingEvent(collection, recordId, event))) {
                // Full: the marker keeps the event safe until the sweep finds it.
                inFlight.remove(event.eventId());
            }
        }
    }

    /** True while this instance is already sending the event, so the sweep leaves it alone. */
    public boolean isInFlight(String eventId) {
        return inFlight.contains(eventId);
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
                    failed(entry, failure);
                }
            });
        } catch (RuntimeException e) {
            failed(entry, e);
        }
    }

    private void failed(OutboxEntry entry, Throwable failure) {
        sendFailures.increment();
        inFlight.remove(entry.eventId());
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
     * Removes the markers of a batch of sent events, in one write; false when there was nothing to
     * remove. Should that fail, the sweep sends them again (at-least-once; consumers are idempotent).
     */
    boolean markSent() {
        List<PendingEvent> batch = new ArrayList<>();
        for (PendingEvent event; batch.size() < 1000 && (event = sent.poll()) != null; ) {
            batch.add(event);
        }
        if (batch.isEmpty()) {
            return false;
        }
        try {
            List<String> ids = batch.stream().map(e -> e.entry().eventId()).toList();
            mongo.remove(Query.query(Criteria.where("_id").in(ids)), PendingEventMarker.COLLECTION);
        } finally {
            batch.forEach(e -> inFlight.remove(e.entry().eventId()));
        }
        return true;
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
