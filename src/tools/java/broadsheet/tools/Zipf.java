package broadsheet.tools;

import java.util.Random;

/** Ranks 0..n-1 drawn with probability proportional to 1/(rank+1)^s. */
final class Zipf {
    private final double[] cumulative;

    Zipf(int n, double s) {
        cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) cumulative[i] = sum += 1 / Math.pow(i + 1, s);
        for (int i = 0; i < n; i++) cumulative[i] /= sum;
    }

    int next(Random rnd) {
        int i = java.util.Arrays.binarySearch(cumulative, rnd.nextDouble());
        return Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i);
    }
}
