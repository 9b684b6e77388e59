/**
 * The MTA-STS policy lifecycle: states, transitions, plans, the enforce readiness guard and the publication history.
 */
@NullMarked
package dev.mtasts.lifecycle;

import org.jspecify.annotations.NullMarked;
