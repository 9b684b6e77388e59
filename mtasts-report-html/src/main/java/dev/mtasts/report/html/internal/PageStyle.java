package dev.mtasts.report.html.internal;

/** The page's style sheet: readable from 320 px phones to 1,920 px screens. */
final class PageStyle {
  static final String CSS = """
      :root { color-scheme: light; --fg: #1a1a1a; --muted: #555; --line: #c8c8c8; }
      * { box-sizing: border-box; }
      html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
      body { margin: 0; color: var(--fg); background: #fff;
        font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
      header, main, footer { max-width: 1280px; margin: 0 auto; padding: 0 16px; }
      header { padding-top: 8px; }
      h1 { font-size: 1.6rem; margin: 12px 0 4px; }
      h2 { font-size: 1.35rem; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
      h3 { font-size: 1.1rem; margin: 20px 0 6px; }
      p, li, dd, figcaption { overflow-wrap: anywhere; }
      td, th { overflow-wrap: break-word; }
      .muted { color: var(--muted); }
      bdi { unicode-bidi: isolate; }
      code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .92em; }
      .table-wrap { overflow-x: auto; max-width: 100%; }
      table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
      caption { text-align: left; font-weight: bold; padding: 4px 0; }
      th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
      thead th { border-bottom: 2px solid #888; vertical-align: bottom; }
      th.n, td.n { text-align: right; }
      td.n { white-space: nowrap; }
      th button { font: inherit; font-weight: bold; color: inherit; background: none; border: 0;
        padding: 0; cursor: pointer; text-align: inherit; }
      th button:focus-visible { outline: 2px solid #0072b2; outline-offset: 2px; }
      th[aria-sort=ascending] button::after { content: " \\25B2"; }
      th[aria-sort=descending] button::after { content: " \\25BC"; }
      .verdict { border-left: 6px solid; padding: 8px 14px; margin: 12px 0; }
      .verdict.ready { border-color: #009e73; background: #e6f5ef; }
      .verdict.warnings { border-color: #e69f00; background: #fdf4e1; }
      .verdict.not-ready { border-color: #d55e00; background: #fbebe1; }
      .verdict h3 { margin-top: 4px; }
      .verdict ul { padding-left: 20px; }
      .badge { display: inline-block; padding: 0 6px; margin: 1px 4px 1px 0; border: 1px solid;
        border-radius: 4px; font-size: .85em; white-space: nowrap; }
      .t-fix_our_side { border-color: #d55e00; background: #fbebe1; }
      .t-fix_with_sender { border-color: #0072b2; background: #e5f1f8; }
      .t-fix_policy_hosting { border-color: #cc79a7; background: #f8ecf3; }
      .t-usually_safe_to_ignore { border-color: #888; background: #f2f2f2; }
      .t-investigate { border-color: #e69f00; background: #fdf4e1; }
      .charts { max-width: 1100px; }
      figure { margin: 12px 0; min-width: 0; }
      figcaption { font-weight: bold; margin-bottom: 4px; }
      figure svg { display: block; width: 100%; height: auto; }
      figure .narrow { display: none; }
      details { margin: 4px 0 12px; }
      summary { cursor: pointer; color: var(--muted); }
      dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 8px 0; }
      dl.facts dt { color: var(--muted); }
      dl.facts dd { margin: 0; }
      .tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 420px), 1fr)); gap: 0 24px; }
      footer { margin-top: 40px; padding-bottom: 24px; color: var(--muted); font-size: .9em; }
      @media (max-width: 640px) {
        body { font-size: 15px; }
        header, main, footer { padding: 0 10px; }
        figure .wide { display: none; }
        figure .narrow { display: block; }
        th, td { padding: 5px 6px; }
        dl.facts { grid-template-columns: 1fr; }
        dl.facts dd { margin-bottom: 4px; }
      }
      @media print { figure .wide { display: block; } figure .narrow { display: none; } }
      """;

  private PageStyle() {}
}
