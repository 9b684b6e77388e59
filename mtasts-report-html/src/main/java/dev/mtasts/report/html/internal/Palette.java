package dev.mtasts.report.html.internal;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * The Okabe–Ito palette of eight colours that readers with any common colour-vision deficiency can
 * tell apart: M. Okabe and K. Ito, "Color Universal Design (CUD): how to make figures and
 * presentations that are friendly to colorblind people" (J*FLY, 2002/2008), as recommended by
 * B. Wong, "Points of view: Color blindness", Nature Methods 8, 441 (2011).
 */
public final class Palette {
  /** Orange. */
  public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
  /** Sky blue. */
  public static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
  /** Bluish green. */
  public static final Color BLUISH_GREEN = new Color(0x00, 0x9E, 0x73);
  /** Yellow. */
  public static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
  /** Blue: successful sessions. */
  public static final Color BLUE = new Color(0x00, 0x72, 0xB2);
  /** Vermillion: failed sessions. */
  public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
  /** Reddish purple. */
  public static final Color REDDISH_PURPLE = new Color(0xCC, 0x79, 0xA7);
  /** Black. */
  public static final Color BLACK = new Color(0, 0, 0);

  /** A light grey, not one of the eight: the background of days without a report. */
  public static final Color GAP = new Color(0xDD, 0xDD, 0xDD);

  /** The colours of result types in the failures chart, in the order they are given out. */
  public static final List<Color> SERIES =
      List.of(VERMILLION, SKY_BLUE, ORANGE, REDDISH_PURPLE, BLUISH_GREEN, YELLOW, BLUE, BLACK);

  private Palette() {}

  /**
   * Returns a colour as CSS hex: {@code #0072b2}.
   *
   * @param c the colour
   * @return the hex text
   */
  public static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }
}
