/** The page's implementation: text escaping, the page model, the SVG charts and the writer. */
@NullMarked
package dev.mtasts.report.html.internal;

import org.jspecify.annotations.NullMarked;
