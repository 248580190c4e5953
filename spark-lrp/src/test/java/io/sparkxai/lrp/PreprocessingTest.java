package io.sparkxai.lrp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparkxai.nn.InputLayout;
import org.junit.jupiter.api.Test;

/** Image preprocessing on hand-computed cases. */
class PreprocessingTest {

  private static Preprocessing rgb(boolean resize) {
    return new Preprocessing(resize, "RGB", 1, new double[] {0}, new double[] {1});
  }

  @Test
  void bgrPixelsBecomeRgbPlanesScaledAndNormalised() {
    // a 1x2 image, stored B,G,R per pixel
    byte[] data = {10, 20, 30, 40, 50, (byte) 200};
    Preprocessing p = new Preprocessing(false, "RGB", 0.5, new double[] {1, 2, 3}, new double[] {1, 2, 4});
    double[] px = p.pixels(data, 1, 2, 3, 1, 2);
    double[] out = new double[6];
    p.toModel(px, 3, new int[] {3, 1, 2}, InputLayout.CHW, out, 0);
    // channel 0 = R: (30*0.5-1)/1, (200*0.5-1)/1; channel 1 = G: (20*0.5-2)/2, (50*0.5-2)/2; channel 2 = B
    assertArrayEquals(new double[] {14, 99, 4, 11.5, 0.5, 4.25}, out, 1e-12);
    // HWC models get R,G,B per pixel
    p.toModel(px, 3, new int[] {3, 1, 2}, InputLayout.HWC, out, 0);
    assertArrayEquals(new double[] {14, 4, 0.5, 99, 11.5, 4.25}, out, 1e-12);
  }

  @Test
  void bgrOrderAndAlphaLeftOut() {
    byte[] data = {1, 2, 3, 4}; // one B,G,R,A pixel
    Preprocessing p = new Preprocessing(false, "BGR", 1, new double[] {0}, new double[] {1});
    double[] out = new double[3];
    p.toModel(p.pixels(data, 1, 1, 4, 1, 1), 4, new int[] {3, 1, 1}, InputLayout.CHW, out, 0);
    assertArrayEquals(new double[] {1, 2, 3}, out);
    // relevance goes back to the stored channels; alpha gets none
    float[] back = p.toImage(new double[] {0.1, 0.2, 0.3}, 0, 4, new int[] {3, 1, 1}, InputLayout.CHW);
    assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f, 0f}, back);
    float[] backRgb = rgb(false).toImage(new double[] {0.1, 0.2, 0.3}, 0, 3, new int[] {3, 1, 1}, InputLayout.CHW);
    assertArrayEquals(new float[] {0.3f, 0.2f, 0.1f}, backRgb, "R relevance lands on the stored R (index 2)");
  }

  @Test
  void bilinearResizeWithHalfPixelCentres() {
    // 1x2 gray [0, 100] to 1x4: src x = (x + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25 -> clamped 0, 0.25, 0.75, 1
    double[] out = Preprocessing.bilinear(new byte[] {0, 100}, 1, 2, 1, 1, 4);
    assertArrayEquals(new double[] {0, 25, 75, 100}, out, 1e-12);
    // 2x2 to 1x1: the mean of the four
    assertArrayEquals(new double[] {25}, Preprocessing.bilinear(new byte[] {0, 20, 30, 50}, 2, 2, 1, 1, 1), 1e-12);
  }

  @Test
  void wrongSizeAndChannelsAreInvalidRowsWithTheirReason() {
    InvalidInput size = assertThrows(InvalidInput.class, () -> rgb(false).pixels(new byte[12], 2, 2, 3, 4, 4));
    assertTrue(size.getMessage().contains("2x2") && size.getMessage().contains("4x4")
        && size.getMessage().contains("resize"), size.getMessage());
    assertEquals(48, rgb(true).pixels(new byte[12], 2, 2, 3, 4, 4).length);
    InvalidInput ch = assertThrows(InvalidInput.class, () -> rgb(false).channelMap(1, 3));
    assertTrue(ch.getMessage().contains("3 channel(s) (colour), the model takes 1"), ch.getMessage());
    assertThrows(InvalidInput.class, () -> rgb(false).channelMap(3, 1));
    assertThrows(InvalidInput.class, () -> rgb(false).pixels(new byte[5], 2, 2, 1, 2, 2), "short data");
  }

  @Test
  void checksItsParams() {
    assertThrows(IllegalArgumentException.class, () -> new Preprocessing(false, "RBG", 1, new double[] {0},
        new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> new Preprocessing(false, "RGB", 1, new double[] {0},
        new double[] {0}));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Preprocessing(false, "RGB", 1, new double[] {0, 1}, new double[] {1}).checkChannels(3));
    assertTrue(e.getMessage().contains("mean has 2 values"), e.getMessage());
  }
}
