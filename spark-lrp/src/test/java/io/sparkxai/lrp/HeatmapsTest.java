package io.sparkxai.lrp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The diverging colormap, the overlay and the PNG bytes. */
class HeatmapsTest {

  @Test
  void positiveRedNegativeBlueZeroWhite() {
    // 1x4 map, two channels (C,H,W) summed per pixel: 2, -2, 0, 1
    double[] r = {1, -1, 0, 0.5, 1, -1, 0, 0.5};
    BufferedImage img = Heatmaps.render(r, 2, 1, 4, false);
    assertEquals(0xFF0000, img.getRGB(0, 0) & 0xFFFFFF);
    assertEquals(0x0000FF, img.getRGB(1, 0) & 0xFFFFFF);
    assertEquals(0xFFFFFF, img.getRGB(2, 0) & 0xFFFFFF);
    assertEquals(0xFF8080, img.getRGB(3, 0) & 0xFFFFFF, "half the largest: half-faded red");
  }

  @Test
  void overlayShowsThePictureWhereThereIsNoRelevance() throws Exception {
    BufferedImage heat = Heatmaps.render(new double[] {0, 1}, 1, 1, 2, false);
    BufferedImage o = Heatmaps.overlay(heat, new int[] {0x000000, 0x000000});
    // zero relevance: 0.65 * black + 0.35 * white; full relevance: pure red
    int g = (int) Math.round(0.35 * 255);
    assertEquals((g << 16) | (g << 8) | g, o.getRGB(0, 0) & 0xFFFFFF);
    assertEquals(0xFF0000, o.getRGB(1, 0) & 0xFFFFFF);
    BufferedImage back = ImageIO.read(new ByteArrayInputStream(Heatmaps.png(o)));
    assertEquals(o.getRGB(0, 0), back.getRGB(0, 0), "PNG is lossless");
  }

  @Test
  void upscaleRepeatsEachPixelAsASquare() {
    BufferedImage heat = Heatmaps.render(new double[] {1, -1}, 1, 1, 2, false);
    BufferedImage big = Heatmaps.upscale(heat, 5);
    assertEquals(6, big.getWidth(), "2 px at least 5: factor 3");
    assertEquals(3, big.getHeight());
    assertEquals(0xFF0000, big.getRGB(2, 2) & 0xFFFFFF);
    assertEquals(0x0000FF, big.getRGB(3, 0) & 0xFFFFFF);
    assertEquals(heat, Heatmaps.upscale(heat, 0), "0: as it is");
    assertEquals(heat, Heatmaps.upscale(heat, 2), "large enough already");
  }
}
