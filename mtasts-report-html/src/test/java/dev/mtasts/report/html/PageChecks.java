package dev.mtasts.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** What every page must be: self-contained, one hashed script, nothing injected. */
final class PageChecks {
  private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?([^)'\"]*)");
  private static final Set<String> LINK_ATTRIBUTES =
      Set.of("src", "href", "xlink:href", "action", "formaction", "poster", "data", "srcset",
          "background", "ping", "manifest", "cite", "longdesc", "codebase", "lowsrc", "dynsrc");

  private PageChecks() {}

  /** Parses the page and checks it; returns the document for more checks. */
  static Document check(String html) throws Exception {
    Document doc = Jsoup.parse(html);
    Elements scripts = doc.select("script");
    assertEquals(1, scripts.size(), "exactly one script");
    Element script = scripts.first();
    assertTrue(script.attributes().isEmpty(), "the script has no src or other attribute");
    String text = script.data();
    String hash = Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    Element csp = doc.selectFirst("meta[http-equiv=Content-Security-Policy]");
    assertTrue(csp != null, "a CSP meta element");
    String policy = csp.attr("content");
    assertTrue(policy.startsWith("default-src 'none'; "), policy);
    assertTrue(policy.contains("script-src 'sha256-" + hash + "';"), "the CSP allows the script by its hash: " + policy);
    assertFalse(policy.contains("unsafe-eval") || policy.contains("script-src 'unsafe-inline'"), policy);
    assertTrue(csp.elementSiblingIndex() <= 1, "the CSP comes first in the head, before anything it governs");
    assertTrue(doc.select("img, iframe, object, embed, link, base, form, audio, video, source, frame,"
        + " frameset, applet, foreignObject, use, image, animate, set, meta[http-equiv=refresh]").isEmpty(),
        "no element that can load or inject anything");
    Set<String> ids = new HashSet<>();
    for (Element e : doc.getAllElements()) {
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("on")) {
          fail("event handler attribute " + name + " on <" + e.tagName() + ">");
        }
        if (LINK_ATTRIBUTES.contains(name) && !a.getValue().startsWith("#")) {
          fail("external reference " + name + "=" + a.getValue() + " on <" + e.tagName() + ">");
        }
        if (name.equals("id") && !ids.add(a.getValue())) {
          fail("duplicate id " + a.getValue());
        }
        checkUrls(a.getValue(), "attribute " + name);
        if (name.startsWith("xmlns") || name.equals("content") && e.tagName().equals("meta")) {
          continue;
        }
        assertFalse(a.getValue().toLowerCase(Locale.ROOT).contains("javascript:"), a.toString());
      }
    }
    for (Element style : doc.select("style")) {
      checkUrls(style.data(), "style sheet");
      assertFalse(style.data().contains("@import"), "no @import");
    }
    // Every url(#id) points into the page.
    Matcher m = URL.matcher(html);
    while (m.find()) {
      String ref = m.group(1);
      assertTrue(ids.contains(ref.substring(1)), "url(" + ref + ") points at no element of the page");
    }
    return doc;
  }

  private static void checkUrls(String text, String where) {
    Matcher m = URL.matcher(text);
    while (m.find()) {
      if (!m.group(1).startsWith("#")) {
        fail(where + " loads " + m.group(1));
      }
    }
  }
}
