package org.tcpladder.capture.state;

import org.tcpladder.capture.tcp.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.tcpladder.capture.tcp.SeqNum;

/**
 * Plain-language sentences about segments, state changes, anomalies and states, from the resource bundle
 * {@code org.tcpladder.capture.state.narration} (MessageFormat patterns). The base bundle is English; a
 * second language needs only {@code narration_xx.properties} with the same keys.
 *
 * <p>Numbers reach the patterns as numbers. One written bare ({@code {2}}) is plain digits, never grouped
 * ("4294967295", not "4,294,967,295": sequence numbers, ports, segment numbers); byte counts carry their
 * own format so a language can choose its plural forms. Sequence and acknowledgment numbers follow a
 * {@link NumberMode}: relative to each side's base as {@code print} writes them, or absolute.
 * Thread-safe.
 */
public final class Narration {
    static final String BUNDLE = "org.tcpladder.capture.state.narration";
    static final String LIST_SEPARATOR = "list.separator";
    static final String SENTENCE_SEPARATOR = "sentence.separator";
    static final String ARC_LABEL = "arc.label";
    static final String ARC_LABEL_NO_ACTION = "arc.labelNoAction";

    /** The names of the arguments of a loss sentence ({@link #loss}). */
    static final List<String> LOSS_ARGUMENTS = List.of("sender", "receiver", "asked", "sackTop", "duplicates",
            "copy", "waitedMs");
    /** The names of the arguments of a state change's sentence ({@link #transition}). */
    static final List<String> TRANSITION_ARGUMENTS = List.of("side", "from", "to", "rfc", "segment");
    static final String LOST_LABEL = "flight.lost.label";
    static final String REPEATS_LABEL = "flight.repeats.label";
    /** The keys whose patterns name their arguments, with the names in the order they are passed. */
    static final java.util.Map<String, List<String>> NAMED_KEYS = namedKeys();

    private static final Narration ENGLISH = forLocale(Locale.ROOT);

    private static java.util.Map<String, List<String>> namedKeys() {
        java.util.Map<String, List<String>> m = new java.util.TreeMap<>();
        for (Loss.Evidence e : Loss.Evidence.values()) {
            m.put("loss." + e.name(), LOSS_ARGUMENTS);
        }
        m.put(LOST_LABEL, List.of());
        m.put(REPEATS_LABEL, List.of("original"));
        // The facts each sentence is told with, in the order SegmentStory gathers them.
        m.put("anomaly.ACKED_UNSEEN_SEGMENT", List.of("sender", "receiver", "ack"));
        m.put("anomaly.DSACK", List.of("sender", "receiver", "first", "last"));
        m.put("anomaly.DUPLICATE_ACK", List.of("sender", "receiver", "number", "ack", "original"));
        m.put("anomaly.DUPLICATE_ACK.label", List.of("original", "number"));
        m.put("anomaly.FAST_RETRANSMISSION", List.of("sender", "receiver", "seq", "peerAck"));
        m.put("anomaly.KEEP_ALIVE", List.of("sender", "receiver"));
        m.put("anomaly.KEEP_ALIVE_ACK", List.of("sender", "receiver"));
        m.put("anomaly.OUT_OF_ORDER", List.of("sender", "receiver", "seq", "highest"));
        m.put("anomaly.PREVIOUS_SEGMENT_NOT_CAPTURED", List.of("sender", "receiver", "seq", "highest"));
        m.put("anomaly.RETRANSMISSION", List.of("sender", "receiver", "seq", "highest"));
        m.put("anomaly.SPURIOUS_RETRANSMISSION", List.of("sender", "receiver", "seq", "peerAck"));
        m.put("anomaly.WINDOW_FULL", List.of("sender", "receiver", "peerAck", "window"));
        m.put("anomaly.WINDOW_UPDATE", List.of("sender", "receiver", "window"));
        m.put("anomaly.ZERO_WINDOW", List.of("sender", "receiver"));
        m.put("anomaly.ZERO_WINDOW_PROBE", List.of("sender", "receiver"));
        m.put("anomaly.ZERO_WINDOW_PROBE_ACK", List.of("sender", "receiver"));
        m.put("option.mss", List.of("mss"));
        m.put("option.windowScale", List.of("shift", "factor"));
        m.put("segment.ack", List.of("sender", "ack", "relativeAck", "fresh", "receiver"));
        m.put("segment.ackClause", List.of("receiver", "ack"));
        m.put("segment.ackFirst", List.of("sender", "ack", "relativeAck", "receiver"));
        m.put("segment.ackOfFin", List.of("sender", "ack", "receiver", "fin"));
        m.put("segment.ackOfFinClause", List.of("receiver", "ack", "fin"));
        m.put("segment.data", List.of("sender", "bytes", "first", "last", "relativeFirst", "relativeLast", "next"));
        m.put("segment.dataFin", List.of("sender", "bytes", "first", "last", "fin", "receiver", "next"));
        m.put("segment.fin", List.of("sender", "fin", "receiver", "next"));
        m.put("segment.finCrossing", List.of("receiver"));
        m.put("segment.handshakeAck", List.of("sender", "ack", "receiver", "peerIsn"));
        m.put("segment.keepAlive", List.of("sender", "seq", "next", "receiver"));
        m.put("segment.noAck", List.of("sender"));
        m.put("segment.options", List.of("options"));
        m.put("segment.rstAbort", List.of("sender", "seq", "receiver"));
        m.put("segment.rstAnswer", List.of("sender", "seq", "receiver"));
        m.put("segment.rstIgnored", List.of("sender", "receiver", "state"));
        m.put("segment.rstNotExact", List.of("sender", "seq", "receiver", "expected"));
        m.put("segment.rstRefused", List.of("sender", "port", "ack", "receiver"));
        m.put("segment.scaledWindow", List.of("field", "bytes", "shift", "factor"));
        m.put("segment.syn", List.of("sender", "isn", "firstByte"));
        m.put("segment.synAck", List.of("sender", "isn", "ack", "receiver", "peerIsn"));
        m.put("segment.synAckAgain", List.of("sender", "isn", "ack", "receiver", "peerIsn"));
        m.put("segment.synAckSimultaneous", List.of("sender", "isn", "ack", "receiver", "peerIsn"));
        m.put("segment.synAgain", List.of("sender", "isn"));
        m.put("segment.synCrossing", List.of("sender", "isn", "receiver"));
        m.put("segment.synWindow", List.of("window"));
        m.put("segment.zeroWindowProbe", List.of("sender", "seq", "receiver"));
        for (TransitionCause c : TransitionCause.values()) {
            m.put(c.key(), TRANSITION_ARGUMENTS);
        }
        m.put(TransitionCause.SENT_FIN.key() + "." + HALF_CLOSE, TRANSITION_ARGUMENTS);
        m.put(TransitionCause.SENT_FIN_AFTER_PEER.key() + "." + HALF_CLOSE, TRANSITION_ARGUMENTS);
        m.put(ARC_LABEL, List.of("event", "action"));
        m.put(ARC_LABEL_NO_ACTION, List.of("event"));
        return java.util.Collections.unmodifiableMap(m);
    }

    private final ResourceBundle bundle;
    private final Locale formatLocale;
    /**
     * Parsed patterns (see {@link NarrationPattern} for why not plain MessageFormats). A key is always
     * formatted the same way, by number or by name, so one cache serves both.
     */
    private final ConcurrentHashMap<String, NarrationPattern> formats = new ConcurrentHashMap<>();

    private Narration(ResourceBundle bundle, Locale formatLocale) {
        this.bundle = bundle;
        this.formatLocale = formatLocale;
    }

    /** The base bundle: English. */
    public static Narration english() {
        return ENGLISH;
    }

    /**
     * The bundle for {@code locale}, falling back to English (never to the machine's default locale, so
     * output does not depend on where it runs).
     */
    public static Narration forLocale(Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Locale l = b.getLocale() == null || b.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : b.getLocale();
        return new Narration(b, l);
    }

    /**
     * The segment explained: what it is and why its numbers are what they are, then its anomalies; with
     * absolute sequence numbers.
     */
    public String segment(SegmentAnalysis analysis) {
        return segment(analysis, NumberMode.ABSOLUTE);
    }

    /** {@link #segment(SegmentAnalysis)} with its sequence numbers as {@code mode} says, like the arrows. */
    public String segment(SegmentAnalysis analysis, NumberMode mode) {
        return String.join(text(SENTENCE_SEPARATOR), sentences(analysis, mode));
    }

    /** {@link #segment} one sentence at a time. */
    public List<String> sentences(SegmentAnalysis analysis) {
        return sentences(analysis, NumberMode.ABSOLUTE);
    }

    /** {@link #segment(SegmentAnalysis, NumberMode)} one sentence at a time. */
    public List<String> sentences(SegmentAnalysis analysis, NumberMode mode) {
        List<String> out = new ArrayList<>(analysis.phrases().size());
        for (Phrase p : analysis.phrases()) {
            out.add(format(p, mode));
        }
        return out;
    }

    /** Why a side changed state, naming the rule (e.g. "… (RFC 9293 §3.10.7.4)"). */
    public String transition(StateTransition t) {
        return format(new Phrase(t.cause().key(), t.side(), t.from(), t.to(), t.cause().rfcSection(),
                new Phrase.Plain(t.segmentIndex())));
    }

    /**
     * Why a segment counts as lost, e.g. "Lost: the server's duplicate ACKs keep asking for byte 17377;
     * the client sends it again as segment 31." Its byte numbers follow {@code mode}.
     */
    public String loss(Loss loss, NumberMode mode) {
        boolean relative = mode == NumberMode.RELATIVE;
        return named(loss.key(),
                "sender", loss.sender(),
                "receiver", loss.sender().other(),
                "asked", relative ? loss.askedRelative() : loss.asked().value(),
                "sackTop", relative ? loss.sackRightRelative() : loss.sackRight().value(),
                "duplicates", (long) loss.duplicateAcks(),
                "copy", loss.retransmissionPacket(),
                "waitedMs", loss.waitedNs() / 1e6);
    }

    /** The short mark of a lost segment ("lost"). */
    public String lostLabel() {
        return text(LOST_LABEL);
    }

    /** The short mark of a retransmission, naming the packet it repeats ("repeats 26"). */
    public String repeatsLabel(long originalPacket) {
        return named(REPEATS_LABEL, "original", originalPacket);
    }

    /**
     * The variant of a FIN's sentence for an application known to have half-closed with
     * shutdown(SHUT_WR) rather than closed (RFC 9293 section 3.6: CLOSE means "I have no more to
     * send"; the side can still receive). Only a live session knows the call.
     */
    public static final String HALF_CLOSE = "halfClose";

    /**
     * {@link #transition(StateTransition)}, told more exactly when the application's call is known:
     * {@code variant} (e.g. {@link #HALF_CLOSE}) picks the sentence {@code transition.CAUSE.variant}
     * where the bundle has one for this cause, else the usual sentence.
     */
    public String transition(StateTransition t, String variant) {
        String key = t.cause().key() + "." + variant;
        if (variant == null || !bundle.containsKey(key)) {
            return transition(t);
        }
        return format(new Phrase(key, t.side(), t.from(), t.to(), t.cause().rfcSection(),
                new Phrase.Plain(t.segmentIndex())));
    }

    /** Wireshark's short label, e.g. "TCP Dup ACK 7#2", "TCP Retransmission". */
    public String anomalyLabel(Anomaly a) {
        return format(new Phrase(a.kind().labelKey(), new Phrase.Plain(a.relatedSegmentIndex()), (long) a.number()));
    }

    /** The event half of an arc's label, e.g. "rcv SYN", "CLOSE", "Timeout=2MSL". */
    public String arcEvent(RfcArc arc) {
        return format(new Phrase(arc.eventKey()));
    }

    /** The action half of an arc's label, e.g. "snd SYN,ACK"; empty when the arc sends nothing. */
    public String arcAction(RfcArc arc) {
        return format(new Phrase(arc.actionKey()));
    }

    /**
     * An arc's label in the RFC's notation, event then action: "rcv SYN / snd SYN,ACK", or the event
     * alone when the arc sends nothing ("rcv ACK of FIN").
     */
    public String arcLabel(RfcArc arc) {
        String event = arcEvent(arc);
        String action = arcAction(arc);
        return action.isBlank() ? format(new Phrase(ARC_LABEL_NO_ACTION, event))
                : format(new Phrase(ARC_LABEL, event, action));
    }

    /** What a side in {@code state} is doing, in one sentence. */
    public String stateDescription(TcpState state) {
        return text("state." + state.name());
    }

    /** "client" or "server". */
    public String sideName(Side side) {
        return text("side." + side.name());
    }

    /** Every key of the bundle (for checking that every key used exists). */
    Set<String> keys() {
        return Collections.unmodifiableSet(bundle.keySet());
    }

    String text(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("narration bundle has no key " + key, e);
        }
    }

    String format(Phrase p) {
        return format(p, NumberMode.ABSOLUTE);
    }

    String format(Phrase p, NumberMode mode) {
        Object[] args = new Object[p.args().length];
        for (int i = 0; i < args.length; i++) {
            args[i] = word(p.args()[i], mode);
        }
        return formats.computeIfAbsent(p.key(), this::pattern).format(args);
    }

    /** The pattern of {@code key}, its named arguments numbered in the order the facts are gathered. */
    private NarrationPattern pattern(String key) {
        List<String> names = NAMED_KEYS.get(key);
        String text = text(key);
        return new NarrationPattern(names == null ? text
                : NarrationPattern.numbered(text, names.toArray(String[]::new), key), formatLocale);
    }

    /**
     * Formats the pattern {@code key}, whose arguments are written by name ({@code {sender}},
     * {@code {asked,number,#}}), with {@code namesAndValues} (name, value, name, value...). Numbers stay
     * numbers, so the pattern decides how they are written.
     */
    String named(String key, Object... namesAndValues) {
        String[] names = new String[namesAndValues.length / 2];
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = (String) namesAndValues[2 * i];
            values[i] = word(namesAndValues[2 * i + 1], NumberMode.ABSOLUTE);
        }
        NarrationPattern pattern = formats.computeIfAbsent(key,
                k -> new NarrationPattern(NarrationPattern.numbered(text(k), names, k), formatLocale));
        return pattern.format(values);
    }

    /** An argument as the pattern gets it: names as words, numbers as numbers (the pattern writes them). */
    private Object word(Object arg, NumberMode mode) {
        if (arg instanceof Side side) {
            return sideName(side);
        }
        if (arg instanceof TcpState state) {
            return state.displayName();
        }
        if (arg instanceof Phrase.Seq n) {
            return mode == NumberMode.RELATIVE ? n.relative() : n.value().value();
        }
        if (arg instanceof SeqNum n) {
            return n.value();
        }
        if (arg instanceof Phrase.Plain n) {
            return n.value();
        }
        if (arg instanceof List<?> list) {
            List<String> parts = new ArrayList<>(list.size());
            for (Object o : list) {
                parts.add(o instanceof Phrase p ? format(p, mode) : String.valueOf(word(o, mode)));
            }
            return String.join(text(LIST_SEPARATOR), parts);
        }
        return arg;
    }
}
