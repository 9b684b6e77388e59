package dev.mtasts.dns.internal;

import dev.mtasts.dns.PolicyId;
import dev.mtasts.dns.PolicyIdGenerator;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** Random ids of 20 letters and digits. */
public final class RandomIdGenerator implements PolicyIdGenerator {
  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int LENGTH = 20;

  private final RandomGenerator random;

  /**
   * Creates the generator.
   *
   * @param random the source of randomness
   */
  public RandomIdGenerator(RandomGenerator random) {
    this.random = random;
  }

  @Override
  public PolicyId next(@Nullable PolicyId current) {
    char[] chars = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    if (current != null && current.value().equals(new String(chars))) {
      // Only a degenerate generator gets here; changing one character keeps the guarantee.
      int last = ALPHABET.indexOf(chars[LENGTH - 1]);
      chars[LENGTH - 1] = ALPHABET.charAt((last + 1) % ALPHABET.length());
    }
    return new PolicyId(new String(chars));
  }
}
