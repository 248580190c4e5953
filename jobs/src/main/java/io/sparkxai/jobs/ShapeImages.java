package io.sparkxai.jobs;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Generated pictures whose class is decided by one region: 32x32 RGB images of noise and coloured
 * distractor shapes (squares, discs, and bars of both orientations) placed anywhere but the top-left
 * 12x12 region; inside that region sits a bar that is horizontal (class 0) or vertical (class 1).
 * A model can only classify them by looking at the region, so a faithful explanation puts its
 * relevance there. Seeded: the same seed gives the same images.
 */
final class ShapeImages {

  /** Image side in pixels. */
  static final int SIZE = 32;
  /** The deciding region: rows and columns {@code [REGION_FROM, REGION_TO)}. */
  static final int REGION_FROM = 2;
  /** The deciding region's end (exclusive). */
  static final int REGION_TO = 14;

  private ShapeImages() {}

  /** One generated image and its class. */
  record Sample(BufferedImage image, int label) {}

  /** Whether pixel (y, x) lies in the deciding region. */
  static boolean inRegion(int y, int x) {
    return y >= REGION_FROM && y < REGION_TO && x >= REGION_FROM && x < REGION_TO;
  }

  /** The {@code i}-th image of the set drawn with {@code seed}. */
  static Sample sample(long seed, int i) {
    Random r = new Random(seed * 1_000_003L + i);
    BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int g = 20 + r.nextInt(40);
        img.setRGB(x, y, new Color(g + r.nextInt(10), g, g + r.nextInt(10)).getRGB());
      }
    }
    Graphics2D g = img.createGraphics();
    for (int k = 0; k < 3; k++) {
      distractor(g, r);
    }
    int label = r.nextInt(2);
    g.setColor(bright(r));
    int len = 8 + r.nextInt(3);
    int along = REGION_FROM + r.nextInt(REGION_TO - REGION_FROM - len + 1);
    int across = REGION_FROM + 1 + r.nextInt(REGION_TO - REGION_FROM - 3);
    if (label == 0) {
      g.fillRect(along, across, len, 2); // horizontal: x from along, y at across
    } else {
      g.fillRect(across, along, 2, len);
    }
    g.dispose();
    return new Sample(img, label);
  }

  /** A shape whose bounding box stays out of the deciding region. */
  private static void distractor(Graphics2D g, Random r) {
    g.setColor(bright(r));
    int kind = r.nextInt(4);
    int w = kind == 2 ? 8 + r.nextInt(3) : kind == 3 ? 2 : 4 + r.nextInt(4);
    int h = kind == 2 ? 2 : kind == 3 ? 8 + r.nextInt(3) : w;
    int x;
    int y;
    do {
      x = r.nextInt(SIZE - w + 1);
      y = r.nextInt(SIZE - h + 1);
    } while (x < REGION_TO && y < REGION_TO && x + w > REGION_FROM && y + h > REGION_FROM);
    if (kind == 1) {
      g.fillOval(x, y, w, h);
    } else {
      g.fillRect(x, y, w, h);
    }
  }

  private static Color bright(Random r) {
    return new Color(120 + r.nextInt(136), 120 + r.nextInt(136), 120 + r.nextInt(136));
  }

  /** The image as C,H,W values in R, G, B order, each pixel / 255: what the model is trained on. */
  static float[] chw(BufferedImage img) {
    float[] out = new float[3 * SIZE * SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int rgb = img.getRGB(x, y);
        out[y * SIZE + x] = ((rgb >> 16) & 0xFF) / 255f;
        out[SIZE * SIZE + y * SIZE + x] = ((rgb >> 8) & 0xFF) / 255f;
        out[2 * SIZE * SIZE + y * SIZE + x] = (rgb & 0xFF) / 255f;
      }
    }
    return out;
  }
}
