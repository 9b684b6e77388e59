/**
 * File writing shared by the SDK's modules (atomic replacement, I/O failures in words); not part
 * of the API, exported only to the sibling modules that store files.
 */
@NullMarked
package dev.mtasts.policy.internal.files;

import org.jspecify.annotations.NullMarked;
