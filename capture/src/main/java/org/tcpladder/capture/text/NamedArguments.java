package org.tcpladder.capture.text;

import java.util.Arrays;

/**
 * Patterns with named arguments ({@code {sender}}, {@code {asked,number,#}}) for {@link java.text.MessageFormat},
 * which reads only numbered ones. A translation may put the arguments in any order, and a reader of the
 * bundle sees what each one is. One rule for every bundle of the program (narration, exports).
 */
public final class NamedArguments {
    private NamedArguments() {
    }

    /**
     * {@code pattern} with each named argument turned into its place in {@code names}; numbered
     * arguments and quoted text (MessageFormat's quoting: an apostrophe starts and ends it) stay as
     * they are.
     *
     * @param key the pattern's bundle key, named in the error
     * @throws IllegalStateException for a name not in {@code names}
     */
    public static String numbered(String pattern, String[] names, String key) {
        StringBuilder b = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            b.append(ch);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (ch == '{' && !quoted) {
                int end = i + 1;
                while (end < pattern.length() && Character.isLetterOrDigit(pattern.charAt(end))) {
                    end++;
                }
                String name = pattern.substring(i + 1, end);
                if (!name.isEmpty() && !Character.isDigit(name.charAt(0))) {
                    int at = Arrays.asList(names).indexOf(name);
                    if (at < 0) {
                        throw new IllegalStateException("pattern " + key + " names {" + name
                                + "}, which is not one of " + Arrays.toString(names));
                    }
                    b.append(at);
                    i = end - 1;
                }
            }
        }
        return b.toString();
    }
}
