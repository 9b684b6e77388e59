package dev.mtasts.report.html.internal;

import java.util.Locale;

/**
 * Turns untrusted text (everything that came from a report: organization names, host names, IPs,
 * result types, additional information) into something safe to show.
 *
 * <p>Two steps, always in this order: {@link #display(String, int)} makes invisible characters
 * visible and bounds the length; {@link #escape(String)} escapes the result for HTML text and for
 * double- or single-quoted attribute values alike. The page always wraps such text in {@code <bdi>}
 * as well, so right-to-left text cannot reorder what surrounds it.
 */
public final class HtmlText {

  /** The length at which text in a table cell is cut. */
  public static final int CELL_CHARS = 256;

  /** The length at which text in a chart label is cut. */
  public static final int LABEL_CHARS = 40;

  private HtmlText() {}

  /**
   * Escapes text for an HTML text node or a quoted attribute value: {@code & < > " '}.
   *
   * @param text the text (already passed through {@link #display(String, int)} when untrusted)
   * @return the escaped text
   */
  public static String escape(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String r = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        default -> null;
      };
      if (r != null) {
        if (b == null) {
          b = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        b.append(r);
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? text : b.toString();
  }

  /**
   * Returns text fit to show: control, format (bidirectional overrides and isolates, zero-width
   * characters), private-use and unpaired surrogate code points become a visible {@code <U+XXXX>};
   * text longer than {@code max} code points is cut there and ends with how much was left out.
   *
   * @param text the untrusted text
   * @param max the most code points kept, at least 1
   * @return the text to show, not yet escaped
   * @throws IllegalArgumentException when {@code max} is below 1
   */
  public static String display(String text, int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max " + max + " < 1");
    }
    StringBuilder b = new StringBuilder(Math.min(text.length(), max) + 16);
    int kept = 0;
    int i = 0;
    while (i < text.length()) {
      if (kept == max) {
        int left = text.codePointCount(i, text.length());
        b.append("\u2026 (").append(String.format(Locale.ROOT, "%,d", left))
            .append(left == 1 ? " more character)" : " more characters)");
        break;
      }
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      kept++;
      if (visible(cp)) {
        b.appendCodePoint(cp);
      } else {
        b.append(String.format(Locale.ROOT, "<U+%04X>", cp));
      }
    }
    return b.toString();
  }

  /**
   * Returns {@code display(text, max)} escaped: the usual way to put untrusted text in the page.
   *
   * @param text the untrusted text
   * @param max the most code points kept
   * @return HTML-safe text
   */
  public static String safe(String text, int max) {
    return escape(display(text, max));
  }

  /**
   * Returns {@code safe(text, max)} with a line-break opportunity ({@code <wbr>}) after every
   * {@value #RUN_CHARS} characters without a space, so that a long host name or a long string
   * without spaces wraps inside its table cell instead of pushing the table wide.
   *
   * @param text the untrusted text
   * @param max the most code points kept
   * @return HTML-safe text with {@code <wbr>} elements
   */
  public static String breakable(String text, int max) {
    String shown = display(text, max);
    StringBuilder out = new StringBuilder(shown.length() + 32);
    StringBuilder run = new StringBuilder();
    int inRun = 0;
    int i = 0;
    while (i < shown.length()) {
      int cp = shown.codePointAt(i);
      i += Character.charCount(cp);
      run.appendCodePoint(cp);
      inRun = cp == ' ' ? 0 : inRun + 1;
      if (inRun == RUN_CHARS && i < shown.length()) {
        out.append(escape(run.toString())).append("<wbr>");
        run.setLength(0);
        inRun = 0;
      }
    }
    return out.append(escape(run.toString())).toString();
  }

  /** The longest run of characters without a line-break opportunity in {@link #breakable}. */
  public static final int RUN_CHARS = 24;

  private static boolean visible(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }
}
