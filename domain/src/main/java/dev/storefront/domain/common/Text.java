package dev.storefront.domain.common;

/** Checks on text that came from outside. */
public final class Text {
    private Text() {}

    /**
     * Whether the text is well-formed UTF-16. A lone surrogate has no UTF-8 form: encoding it
     * silently yields {@code ?}, so two different inputs would be stored or hashed alike.
     */
    public static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
