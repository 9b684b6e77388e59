/** Implementation details of the audit (the SMTP probe, certificate reading); not part of the API. */
@NullMarked
package dev.mtasts.audit.internal;

import org.jspecify.annotations.NullMarked;
