package dev.mtasts.report.html.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.StringWriter;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A stacked bar chart of figures per UTC day, drawn by JFreeChart into Batik's SVG generator and
 * serialised by the JDK's XML writer, so every label is escaped by a real XML serialiser. Days
 * without a report are drawn as grey bands without bars: a gap, not a zero.
 *
 * <p>The SVG has no external reference: its only {@code url(...)} values point at its own clip
 * paths, whose ids start with the chart's prefix so that several charts can share one page.
 */
public final class SvgChart {
  private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Color GRID = new Color(0xBB, 0xBB, 0xBB);

  /** One day on the axis; its label is empty on days between labelled ones. */
  private record Day(LocalDate date, String label) implements Comparable<Day> {
    @Override
    public int compareTo(Day other) {
      return date.compareTo(other.date);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /**
   * One series of the chart.
   *
   * @param name the legend text (already passed through {@link HtmlText#display})
   * @param colour the fill
   * @param values the figure per day; days not in the map count as 0 on covered days
   */
  public record Series(String name, Color colour, Map<LocalDate, Long> values) {
    /**
     * Copies the map.
     *
     * @param name the legend text
     * @param colour the fill
     * @param values the figure per day
     */
    public Series {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(colour, "colour");
      values = Map.copyOf(values);
    }
  }

  /**
   * The size of a drawing.
   *
   * @param width the width in SVG user units (CSS pixels at 100 %)
   * @param height the height
   * @param labels about how many day labels fit on the axis
   */
  public record Size(int width, int height, int labels) {
    /** For wide screens. */
    public static final Size WIDE = new Size(1000, 320, 18);

    /** For phones: fewer, larger-looking labels once scaled to the screen. */
    public static final Size NARROW = new Size(380, 320, 5);
  }

  private SvgChart() {}

  /**
   * Draws the chart and returns its {@code <svg>} element as text.
   *
   * @param idPrefix a prefix unique in the page, letters, digits and {@code -} only
   * @param days the days of the axis, ascending, at least one
   * @param gaps the days without any report (drawn as bands, no bar)
   * @param series the series, stacked in this order from the bottom
   * @param yLabel the range axis label
   * @param size the drawing's size
   * @return the SVG element
   */
  public static String draw(
      String idPrefix,
      List<LocalDate> days,
      Set<LocalDate> gaps,
      List<Series> series,
      String yLabel,
      Size size) {
    if (!idPrefix.matches("[A-Za-z][A-Za-z0-9-]*")) {
      throw new IllegalArgumentException("id prefix " + idPrefix + " is not letters, digits and -");
    }
    if (days.isEmpty()) {
      throw new IllegalArgumentException("no day to draw");
    }
    int every = Math.max(1, (days.size() + size.labels() - 1) / size.labels());
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    CategoryPlot plot = new CategoryPlot();
    for (int i = 0; i < days.size(); i++) {
      LocalDate date = days.get(i);
      Day day = new Day(date, i % every == 0 ? Formats.shortDay(date) : "");
      boolean gap = gaps.contains(date);
      for (Series s : series) {
        Long v = s.values().get(date);
        data.addValue(gap ? null : (v == null ? 0L : v), s.name(), day);
      }
      if (gap) {
        CategoryMarker band = new CategoryMarker(day, Palette.GAP, new BasicStroke(1f));
        band.setDrawAsLine(false);
        band.setAlpha(1f);
        plot.addDomainMarker(band, Layer.BACKGROUND);
      }
    }
    plot.setDataset(data);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(GRID);
    plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    plot.setDomainGridlinesVisible(false);
    plot.setInsets(new RectangleInsets(8, 4, 4, 12));

    CategoryAxis x = new CategoryAxis(null);
    x.setTickLabelFont(TICK_FONT);
    x.setTickLabelPaint(Color.BLACK);
    x.setCategoryMargin(days.size() > 60 ? 0.05 : 0.2);
    x.setLowerMargin(0.01);
    x.setUpperMargin(0.01);
    x.setMaximumCategoryLabelWidthRatio(every * 0.95f);
    x.setMaximumCategoryLabelLines(1);
    x.setTickMarksVisible(false);
    plot.setDomainAxis(x);

    NumberAxis y = new NumberAxis(yLabel);
    y.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
    y.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
    y.setTickLabelFont(TICK_FONT);
    y.setLabelFont(LABEL_FONT);
    y.setTickLabelPaint(Color.BLACK);
    y.setLabelPaint(Color.BLACK);
    y.setAutoRangeIncludesZero(true);
    plot.setRangeAxis(y);

    StackedBarRenderer r = new StackedBarRenderer();
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setDrawBarOutline(false);
    r.setMaximumBarWidth(0.08);
    r.setDefaultToolTipGenerator(null);
    for (int i = 0; i < series.size(); i++) {
      r.setSeriesPaint(i, series.get(i).colour());
    }
    plot.setRenderer(r);

    LegendItemCollection legend = new LegendItemCollection();
    for (Series s : series) {
      legend.add(new LegendItem(s.name(), s.colour()));
    }
    if (!gaps.isEmpty()) {
      legend.add(new LegendItem("no report", Palette.GAP));
    }
    plot.setFixedLegendItems(legend);

    JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setBorderVisible(false);
    chart.setPadding(new RectangleInsets(4, 4, 4, 4));
    LegendTitle lt = new LegendTitle(plot);
    lt.setItemFont(LABEL_FONT);
    lt.setItemPaint(Color.BLACK);
    lt.setPosition(RectangleEdge.BOTTOM);
    lt.setFrame(BlockBorder.NONE);
    lt.setBackgroundPaint(Color.WHITE);
    chart.addLegend(lt);
    return toSvg(chart, idPrefix, size);
  }

  private static String toSvg(JFreeChart chart, String idPrefix, Size size) {
    Document doc;
    try {
      doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
          .createDocument("http://www.w3.org/2000/svg", "svg", null);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK has no XML document builder", e);
    }
    SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
    ctx.setIDGenerator(new SVGIDGenerator() {
      private int next;

      @Override
      public String generateID(String prefix) {
        return idPrefix + "-" + prefix + ++next;
      }
    });
    ctx.setEmbeddedFontsOn(false);
    ctx.setComment(null);
    SVGGraphics2D g = new SVGGraphics2D(ctx, false);
    g.setSVGCanvasSize(new Dimension(size.width(), size.height()));
    chart.draw(g, new Rectangle(0, 0, size.width(), size.height()));
    Element root = g.getRoot();
    root.removeAttribute("width");
    root.removeAttribute("height");
    root.setAttribute("viewBox", "0 0 " + size.width() + " " + size.height());
    root.setAttribute("role", "img");
    root.setAttribute("focusable", "false");
    renameFixedIds(root, idPrefix);
    try {
      Transformer t = TransformerFactory.newInstance().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      t.setOutputProperty(OutputKeys.METHOD, "xml");
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.INDENT, "no");
      StringWriter w = new StringWriter(32 * 1024);
      t.transform(new DOMSource(root), new StreamResult(w));
      return w.toString();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot serialise the chart", e);
    }
  }

  /** Batik gives its top-level {@code <defs>} the fixed id "genericDefs"; make it unique too. */
  private static void renameFixedIds(Element e, String idPrefix) {
    String id = e.getAttribute("id");
    if (!id.isEmpty() && !id.startsWith(idPrefix + "-")) {
      e.setAttribute("id", idPrefix + "-" + id);
    }
    NodeList children = e.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node n = children.item(i);
      if (n instanceof Element child) {
        renameFixedIds(child, idPrefix);
      }
    }
  }
}
