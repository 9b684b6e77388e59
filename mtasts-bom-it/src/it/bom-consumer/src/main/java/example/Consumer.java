package example;

import dev.mtasts.policy.MtaStsException;

/** Touches the public API of each module, so the compile proves the exports are usable. */
public final class Consumer {
  private Consumer() {}

  /** Entry point. */
  public static void main(String[] args) {
    System.out.println(MtaStsException.class.getName());
  }
}
