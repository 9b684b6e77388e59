package dev.mtasts.report.html.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

final class SvgChartTest {
  private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
  private static final List<LocalDate> DAYS = List.of(D1, D1.plusDays(1), D1.plusDays(2));

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  private static String draw(String label) {
    return SvgChart.draw("c1", DAYS, Set.of(D1.plusDays(1)),
        List.of(new SvgChart.Series(label, Palette.VERMILLION, Map.of(D1, 5L, D1.plusDays(2), 2L))),
        "sessions", SvgChart.Size.WIDE);
  }

  @Test
  void theSvgIsWellFormedWithoutDoctypeOrExternalReference() throws Exception {
    String svg = draw("Failed");
    assertTrue(svg.startsWith("<svg"), svg.substring(0, 40));
    assertFalse(svg.contains("<!DOCTYPE") || svg.contains("<?xml"));
    Document doc = parse(svg);
    Element root = doc.getDocumentElement();
    assertEquals("0 0 1000 320", root.getAttribute("viewBox"));
    assertEquals("", root.getAttribute("width"), "the page sizes the drawing");
    Set<String> ids = new HashSet<>();
    List<String> refs = new ArrayList<>();
    walk(root, ids, refs);
    for (String id : ids) {
      assertTrue(id.startsWith("c1-"), "id " + id + " carries the prefix");
    }
    for (String ref : refs) {
      assertTrue(ids.contains(ref), "reference to #" + ref + " is inside the drawing");
    }
    assertFalse(refs.isEmpty(), "clip paths are used, so the check above ran");
  }

  private static void walk(Element e, Set<String> ids, List<String> refs) {
    String name = e.getLocalName();
    if (Set.of("script", "foreignObject", "image", "use", "a", "style", "animate", "set").contains(name)) {
      fail("element " + name + " in a chart");
    }
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Node a = attrs.item(i);
      String an = a.getNodeName();
      String v = a.getNodeValue();
      if (an.equals("id")) {
        ids.add(v);
      }
      if (an.endsWith("href") || an.startsWith("on") || an.equals("src")) {
        fail("attribute " + an + "=" + v);
      }
      Matcher m = Pattern.compile("url\\(([^)]*)\\)").matcher(v);
      while (m.find()) {
        if (!m.group(1).startsWith("#")) {
          fail("url(" + m.group(1) + ")");
        }
        refs.add(m.group(1).substring(1));
      }
    }
    NodeList children = e.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element c) {
        walk(c, ids, refs);
      }
    }
  }

  @Test
  void aHostileLabelIsATextNodeOfTheLegend() throws Exception {
    String label = "\"><script>window.__xss=1</script><img src=x onerror='y'>&amp;";
    String svg = draw(label);
    assertFalse(svg.contains("<script"), "escaped by the serialiser");
    Document doc = parse(svg);
    NodeList texts = doc.getElementsByTagNameNS("*", "text");
    boolean found = false;
    for (int i = 0; i < texts.getLength(); i++) {
      found |= texts.item(i).getTextContent().equals(label);
    }
    assertTrue(found, "the legend shows the label as it is");
    assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength());
    assertEquals(0, doc.getElementsByTagNameNS("*", "img").getLength());
  }

  @Test
  void gapsAreBandsAndTheLegendSaysSo() throws Exception {
    String svg = draw("Failed");
    assertTrue(svg.contains("no report"), "legend item for gaps");
    assertTrue(svg.contains("rgb(221,221,221)") || svg.contains("#dddddd"), "a grey band is drawn");
    String noGaps = SvgChart.draw("c2", DAYS, Set.of(),
        List.of(new SvgChart.Series("Failed", Palette.VERMILLION, Map.of(D1, 5L))), "sessions",
        SvgChart.Size.NARROW);
    assertFalse(noGaps.contains("no report"));
    assertFalse(noGaps.contains("rgb(221,221,221)") || noGaps.contains("#dddddd"));
  }

  @Test
  void dayLabelsAreThinnedOnLongAxes() throws Exception {
    List<LocalDate> days = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      days.add(D1.plusDays(i));
    }
    String svg = SvgChart.draw("c3", days, Set.of(),
        List.of(new SvgChart.Series("Failed", Palette.VERMILLION, Map.of(D1, 5L))), "sessions",
        SvgChart.Size.NARROW);
    NodeList texts = parse(svg).getElementsByTagNameNS("*", "text");
    int dayLabels = 0;
    for (int i = 0; i < texts.getLength(); i++) {
      if (texts.item(i).getTextContent().matches("\\d{1,2} [A-Z][a-z]{2}")) {
        dayLabels++;
      }
    }
    assertEquals(5, dayLabels, "60 days at 5 labels: one every 12 days");
  }

  @Test
  void rejectsAPrefixThatIsNotAnId() {
    assertThrows(IllegalArgumentException.class, () -> SvgChart.draw("a\"b", DAYS, Set.of(),
        List.of(), "x", SvgChart.Size.WIDE));
    assertThrows(IllegalArgumentException.class, () -> SvgChart.draw("c", List.of(), Set.of(),
        List.of(), "x", SvgChart.Size.WIDE));
  }
}
