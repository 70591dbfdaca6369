package org.tcpladder.capture.state;

import org.tcpladder.capture.text.NamedArguments;

import java.text.ChoiceFormat;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One narration pattern, formatted exactly as {@link MessageFormat} formats it, but without its most
 * expensive habit: a choice whose branch holds an argument ({@code {1,choice,1#1 byte|1<{1,number,integer}
 * bytes}}) makes MessageFormat parse the chosen branch into a new MessageFormat on every call, which
 * cost more than all the rest of a segment's analysis when a whole capture is narrated. Here each
 * combination of chosen branches is expanded into a plain pattern once, parsed once and kept.
 * Thread-safe (MessageFormat is not, so each use formats with a clone, as {@link Narration} did).
 */
final class NarrationPattern {
    /** A choice argument with a branch that holds an argument: where it sits and its branches. */
    private record Choice(int start, int end, int argument, double[] limits, String[] branches) {
        int branchFor(double x) {
            // ChoiceFormat's rule: the last limit not above x, the first when x is below them all.
            int i = 0;
            while (i < limits.length && x >= limits[i]) {
                i++;
            }
            return Math.max(0, i - 1);
        }
    }

    private final String pattern;
    private final Locale locale;
    private final MessageFormat whole;
    private final List<Choice> choices;
    private final ConcurrentHashMap<Integer, MessageFormat> expanded = new ConcurrentHashMap<>();

    NarrationPattern(String pattern, Locale locale) {
        this.pattern = pattern;
        this.locale = locale;
        this.whole = new MessageFormat(pattern, locale);
        this.choices = nestedChoices(pattern);
    }

    /**
     * {@code pattern} with its named arguments ({@code {sender}}, {@code {asked,number,#}}) turned into the
     * numbered ones MessageFormat reads, by their place in {@code names}.
     *
     * @throws IllegalStateException for a name not in {@code names}
     */
    static String numbered(String pattern, String[] names, String key) {
        return NamedArguments.numbered(pattern, names, key);
    }

    String format(Object[] args) {
        if (choices.isEmpty()) {
            return formatWith(whole, args);
        }
        int combination = 0;
        for (int c = 0; c < choices.size(); c++) {
            Choice choice = choices.get(c);
            Object arg = choice.argument() < args.length ? args[choice.argument()] : null;
            if (!(arg instanceof Number n) || choice.branches().length > 15) {
                return formatWith(whole, args);
            }
            combination |= choice.branchFor(n.doubleValue()) << (4 * c);
        }
        MessageFormat f = expanded.computeIfAbsent(combination, this::expand);
        return formatWith(f, args);
    }

    /**
     * Formats with a copy of {@code prototype}, a number at a bare argument ({@code {2}}) written as plain
     * digits: sequence numbers, ports and packet numbers are never grouped.
     */
    private String formatWith(MessageFormat prototype, Object[] args) {
        MessageFormat f = (MessageFormat) prototype.clone();
        java.text.Format[] formats = f.getFormatsByArgumentIndex();
        for (int i = 0; i < formats.length && i < args.length; i++) {
            if (formats[i] == null && args[i] instanceof Number) {
                f.setFormatByArgumentIndex(i, plainDigits(locale));
            }
        }
        return f.format(args);
    }

    /** Digits without grouping, the way {@code print} writes numbers. */
    static java.text.NumberFormat plainDigits(Locale locale) {
        java.text.NumberFormat n = java.text.NumberFormat.getIntegerInstance(locale);
        n.setGroupingUsed(false);
        return n;
    }

    private MessageFormat expand(int combination) {
        StringBuilder b = new StringBuilder(pattern.length() + 32);
        int at = 0;
        for (int c = 0; c < choices.size(); c++) {
            Choice choice = choices.get(c);
            String branch = choice.branches()[(combination >>> (4 * c)) & 0xF];
            b.append(pattern, at, choice.start());
            // MessageFormat reads a branch with an argument as a pattern, and any other as plain text.
            b.append(branch.indexOf('{') >= 0 ? branch : branch.replace("'", "''"));
            at = choice.end();
        }
        b.append(pattern, at, pattern.length());
        return new MessageFormat(b.toString(), locale);
    }

    /** The top-level {@code {n,choice,...}} elements whose branches hold an argument, in order. */
    private static List<Choice> nestedChoices(String pattern) {
        List<Choice> out = new ArrayList<>(2);
        int depth = 0;
        int start = -1;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (quoted) {
                continue;
            } else if (ch == '{') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (ch == '}' && depth > 0 && --depth == 0) {
                Choice c = choice(pattern, start, i + 1);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static Choice choice(String pattern, int start, int end) {
        String element = pattern.substring(start + 1, end - 1);
        int first = element.indexOf(',');
        int second = first < 0 ? -1 : element.indexOf(',', first + 1);
        if (second < 0 || !element.substring(first + 1, second).trim().equals("choice")) {
            return null;
        }
        String style = element.substring(second + 1);
        if (style.indexOf('{') < 0 || style.indexOf('\'') >= 0) {
            return null;
        }
        ChoiceFormat f = new ChoiceFormat(style);
        Object[] formats = f.getFormats();
        String[] branches = new String[formats.length];
        for (int i = 0; i < formats.length; i++) {
            branches[i] = (String) formats[i];
        }
        return new Choice(start, end, Integer.parseInt(element.substring(0, first).trim()), f.getLimits(), branches);
    }
}
