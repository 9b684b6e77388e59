package dev.mtasts.report.html.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page's only script: it makes the tables sortable. Everything else works without it. The
 * page's Content-Security-Policy allows this script by its SHA-256 hash and no other.
 */
public final class PageScript {
  /** The script text, exactly as it stands between {@code <script>} and {@code </script>}. */
  public static final String TEXT = """
      (function () {
        'use strict';
        function key(row, col) {
          var cell = row.cells[col];
          if (!cell) { return ''; }
          var v = cell.getAttribute('data-sort');
          return v === null ? cell.textContent.trim().toLowerCase() : v;
        }
        function sortBy(table, th, col) {
          var asc = th.getAttribute('aria-sort') !== 'ascending';
          var heads = table.tHead.rows[0].cells;
          for (var i = 0; i < heads.length; i++) { heads[i].removeAttribute('aria-sort'); }
          th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
          var numeric = th.getAttribute('data-type') === 'number';
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = key(a, col), y = key(b, col);
            var c = numeric ? Number(x) - Number(y) : (x < y ? -1 : x > y ? 1 : 0);
            return asc ? c : -c;
          });
          for (var j = 0; j < rows.length; j++) { body.appendChild(rows[j]); }
        }
        var tables = document.querySelectorAll('table.sortable');
        Array.prototype.forEach.call(tables, function (table) {
          if (!table.tHead || !table.tBodies[0]) { return; }
          var heads = table.tHead.rows[0].cells;
          Array.prototype.forEach.call(heads, function (th, col) {
            var button = document.createElement('button');
            button.type = 'button';
            while (th.firstChild) { button.appendChild(th.firstChild); }
            button.title = 'Sort by this column';
            th.appendChild(button);
            button.addEventListener('click', function () { sortBy(table, th, col); });
          });
        });
      })();
      """;

  /** The CSP source that allows {@link #TEXT}: {@code 'sha256-...'}. */
  public static final String HASH_SOURCE = "'sha256-" + sha256(TEXT) + "'";

  private PageScript() {}

  static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
