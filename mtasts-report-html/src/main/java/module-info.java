/**
 * One self-contained HTML page of TLS-RPT figures (RFC 8460): per policy domain the readiness
 * verdict, sessions and failures per UTC day as inline SVG charts, the sending MTAs and MX hosts
 * to look at, the reporting organizations and the unreadable reports.
 */
// JFreeChart and Batik ship no module descriptor, only an Automatic-Module-Name; they are used
// inside the implementation and never appear in this module's API.
@SuppressWarnings({"requires-automatic", "module"})
@org.jspecify.annotations.NullMarked
module dev.mtasts.report.html {
  requires static transitive org.jspecify;
  requires transitive dev.mtasts.tlsrpt;
  requires transitive dev.mtasts.lifecycle;
  requires java.desktop;
  requires java.xml;
  requires org.jfree.jfreechart;
  requires org.apache.xmlgraphics.batik.svggen;

  exports dev.mtasts.report.html;
}
