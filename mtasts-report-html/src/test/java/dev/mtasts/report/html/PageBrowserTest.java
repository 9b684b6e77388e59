package dev.mtasts.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The page in a real browser: Debian's chromium, headless, driven by its chromedriver, with the
 * network cut off (every host name resolves to nothing and every request would go to a closed
 * loopback proxy). Skipped when chromium or chromedriver is absent, unless the system property
 * {@code mtasts.browser.required} is true (as in {@code .ci/real-browser-suite}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class PageBrowserTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("mtasts.chromium", "/usr/bin/chromium"));
  private static final Path DRIVER =
      Path.of(System.getProperty("mtasts.chromedriver", "/usr/bin/chromedriver"));
  private static final Path OUT = Path.of("target", "browser");
  private static final String BLUE = "rgb(0, 114, 178)";

  private ChromeDriver driver;
  private Path profile;

  @BeforeAll
  void startBrowser() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    String why = "chromium (" + CHROMIUM + ") and chromedriver (" + DRIVER + ") are needed";
    if (Boolean.getBoolean("mtasts.browser.required")) {
      assertTrue(present, why);
    } else {
      assumeTrue(present, why + "; .ci/real-browser-suite installs them");
    }
    Files.createDirectories(OUT);
    profile = Files.createTempDirectory("mtasts-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--hide-scrollbars",
        "--user-data-dir=" + profile,
        // No network: names resolve to nothing, and a request would meet a closed loopback port.
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
        "--proxy-bypass-list=<-loopback>", "--window-size=1280,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort()
        .withLogOutput(OutputStream.nullOutputStream())
        .build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  void stopBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private String open(String name, String html) throws IOException {
    Path file = OUT.resolve(name + ".html").toAbsolutePath();
    Files.writeString(file, html, StandardCharsets.UTF_8);
    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.manage().logs().get(LogType.BROWSER);
    driver.manage().logs().get(LogType.PERFORMANCE);
    String url = file.toUri().toString();
    driver.get(url);
    return url;
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** No console message of level warning or worse: a CSP violation would be one. */
  private void assertQuietConsole() {
    List<String> bad = new ArrayList<>();
    for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
        bad.add(e.getLevel() + " " + e.getMessage());
      }
    }
    assertEquals(List.of(), bad, "console messages");
  }

  /** The DevTools log of the page's load has one request: the file itself. */
  @SuppressWarnings("unchecked")
  private void assertOnlyRequestWasThePage(String url) {
    Json json = new Json();
    Set<String> requested = new HashSet<>();
    for (LogEntry e : driver.manage().logs().get(LogType.PERFORMANCE)) {
      Map<String, Object> entry = json.toType(e.getMessage(), Map.class);
      Map<String, Object> message = (Map<String, Object>) entry.get("message");
      String method = String.valueOf(message.get("method"));
      if (method.equals("Network.requestWillBeSent")) {
        Map<String, Object> params = (Map<String, Object>) message.get("params");
        requested.add(String.valueOf(((Map<String, Object>) params.get("request")).get("url")));
      }
      assertTrue(!method.equals("Network.webSocketCreated"), "no web socket");
    }
    assertEquals(Set.of(url), requested, "requests made by the page");
  }

  private void screenshots(String name) throws IOException {
    for (int width : new int[] {1280, 375}) {
      driver.manage().window().setSize(new Dimension(width, 900));
      long height = (Long) js("return Math.min(document.documentElement.scrollHeight, 12000);");
      driver.manage().window().setSize(new Dimension(width, (int) height));
      long scrollWidth = (Long) js("return document.documentElement.scrollWidth;");
      long innerWidth = (Long) js("return window.innerWidth;");
      assertTrue(scrollWidth <= innerWidth,
          name + " at " + width + " px: the page is " + scrollWidth + " px wide, wider than the window");
      byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(OUT.resolve(name + "-" + width + ".png"), png);
      assertNotBlank(png, name + " at " + width + " px");
    }
    driver.manage().window().setSize(new Dimension(1280, 900));
  }

  private static void assertNotBlank(byte[] png, String what) throws IOException {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    Set<Integer> colours = new HashSet<>();
    long dark = 0;
    long pixels = 0;
    for (int y = 0; y < img.getHeight(); y += 3) {
      for (int x = 0; x < img.getWidth(); x += 3) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        pixels++;
        if (rgb != 0xFFFFFF) {
          dark++;
        }
      }
    }
    assertTrue(colours.size() > 20, what + ": only " + colours.size() + " colours");
    assertTrue(dark * 50 > pixels, what + ": less than 2 % of the screenshot is not white");
  }

  private long count(String selector) {
    return driver.findElements(By.cssSelector(selector)).size();
  }

  /** Counts, in the visible drawing of a figure, the bars and legend swatches of a colour. */
  private long filled(String figure, String colour) {
    return (Long) js("var colour = arguments[1];"
        + " var svg = Array.prototype.find.call(document.querySelectorAll(arguments[0] + ' svg'),"
        + " function (s) { return s.getBoundingClientRect().width > 0; });"
        + " if (!svg) { return -1; }"
        + " return Array.prototype.filter.call(svg.querySelectorAll('path, rect'), function (e) {"
        + " return getComputedStyle(e).fill === colour; }).length;", figure, colour);
  }

  @Test
  void exampleNetLoadsOfflineWithItsChartsAndSortableTables() throws IOException {
    String url = open("example.net", HtmlReportExamplesTest.examplePage("example.net"));
    assertQuietConsole();
    assertOnlyRequestWasThePage(url);
    WebElement sessions = driver.findElement(By.cssSelector("#d0-sessions"));
    assertEquals("14", sessions.getAttribute("data-days"));
    assertEquals("2", sessions.getAttribute("data-series"));
    // The wide drawing shows: 14 day labels, the two series in the legend and one gap.
    WebElement wide = sessions.findElement(By.cssSelector(".wide svg"));
    assertTrue(wide.isDisplayed());
    long dayLabels = (Long) js("return Array.prototype.filter.call(arguments[0].querySelectorAll('text'),"
        + " function (t) { return /^\\d{1,2} [A-Z][a-z]{2}$/.test(t.textContent); }).length;", wide);
    assertEquals(14, dayLabels, "one label per day");
    String legend = wide.getText();
    assertTrue(legend.contains("Successful") && legend.contains("Failed") && legend.contains("no report"), legend);
    // 13 days with reports, each with successful sessions, plus the legend swatch.
    assertEquals(14, filled("#d0-sessions", BLUE));
    // Sorting is the page's only script: it runs under the CSP, so the hash is right.
    WebElement failedHeader = driver.findElement(By.cssSelector("#d0-senders thead th:nth-child(2) button"));
    failedHeader.click();
    assertEquals("ascending", driver.findElement(By.cssSelector("#d0-senders thead th:nth-child(2)"))
        .getAttribute("aria-sort"));
    assertEquals("26", driver.findElement(By.cssSelector("#d0-senders tbody tr:first-child td:nth-child(2)")).getText());
    failedHeader.click();
    assertEquals("82", driver.findElement(By.cssSelector("#d0-senders tbody tr:first-child td:nth-child(2)")).getText());
    assertEquals("", js("return document.cookie;"), "no cookie");
    assertQuietConsole();
    screenshots("example.net");
    // At 375 px the narrow drawing is the one shown.
    driver.manage().window().setSize(new Dimension(375, 900));
    assertTrue(driver.findElement(By.cssSelector("#d0-sessions .narrow svg")).isDisplayed());
    assertTrue(!driver.findElement(By.cssSelector("#d0-sessions .wide svg")).isDisplayed());
  }

  @Test
  void exampleComLoadsOffline() throws IOException {
    String url = open("example.com", HtmlReportExamplesTest.examplePage("example.com"));
    assertQuietConsole();
    assertOnlyRequestWasThePage(url);
    assertEquals(2, count("#d0-sessions svg"));
    assertEquals(15, filled("#d0-sessions", BLUE), "14 days of successful sessions, plus the swatch");
    screenshots("example.com");
  }

  @Test
  void theCorpusPageLoadsOffline() throws IOException {
    Fixtures.Loaded l = Fixtures.load(Fixtures.corpusTlsrpt());
    String html = HtmlReport.newBuilder(l.summary()).generatedAt(Instant.parse("2026-11-10T00:00:00Z"))
        .organizations(l.organizations()).unreadable(l.unreadable()).build().render();
    String url = open("corpus", html);
    assertQuietConsole();
    assertOnlyRequestWasThePage(url);
    long domains = count("section.domain");
    assertEquals(Math.min(50, l.summary().domains().size()), domains);
    assertEquals(domains, count("figure[data-chart=sessions] .wide svg"));
    screenshots("corpus");
  }

  @Test
  void hostileContentStaysTextAndTheLayoutHolds() throws IOException {
    String url = open("hostile", HtmlReportHostileTest.hostilePage());
    assertQuietConsole();
    assertOnlyRequestWasThePage(url);
    assertNull(js("return window.__xss;"), "no injected script ran");
    assertEquals(0, count("img"));
    assertEquals(1, count("script"));
    String orgs = driver.findElement(By.cssSelector("#d0-orgs")).getText();
    assertTrue(orgs.contains(HtmlReportHostileTest.SCRIPT_ORG), orgs);
    driver.findElement(By.cssSelector("#d0-orgs thead th:first-child button")).click();
    assertNull(js("return window.__xss;"), "sorting moves rows, it does not parse them");
    screenshots("hostile");
  }
}
