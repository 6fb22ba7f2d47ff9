package se.omsorgsnav.placement.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart drawn on the server as SVG (UX-3): the coordinates are computed here and the
 * template only places them, so the chart needs no script. Each line has its own dash pattern and
 * marker shape besides its colour, and every value is also in the chart's table.
 *
 * @param table the same values as the lines, as the page's table shows them
 */
record Chart(String id, String title, String description, int width, int height, Plot plot, List<Tick> yTicks, List<Tick> xTicks,
             List<Line> lines, Table table) {

    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    private static final Plot PLOT = new Plot(56, 16, WIDTH - 16, HEIGHT - 48);
    private static final String[] MARKERS = {"circle", "square", "triangle"};

    /** The plotting area inside the axes, in SVG units. */
    record Plot(int left, int top, int right, int bottom) {}

    record Tick(String position, String label) {}

    /** One series: its broken polyline (a month without a value breaks it) and a marker per value. */
    record Line(String name, String css, String marker, List<String> segments, List<Point> points) {}

    /** A value's marker (an SVG path in the line's shape), with the text a tooltip gives for it. */
    record Point(String x, String y, String shape, String value, String label) {}

    record Table(String caption, List<String> headers, List<List<String>> rows) {}

    record Series(String name, List<Long> values) {}

    /** A chart of whole-number series over the months, with a y-axis starting at zero. */
    static Chart of(String id, String title, String description, String unit, List<String> months, List<String> monthLabels,
                    List<Series> series, Table table) {
        long max = 0;
        for (Series s : series) {
            for (Long v : s.values()) {
                if (v != null && v > max) {
                    max = v;
                }
            }
        }
        long step = step(max);
        long top = Math.max(step, ((max + step - 1) / step) * step);
        List<Tick> yTicks = new ArrayList<>();
        for (long v = 0; v <= top; v += step) {
            yTicks.add(new Tick(fmt(y(v, top)), Long.toString(v)));
        }
        int n = months.size();
        int every = Math.max(1, (int) Math.ceil(n / 12.0));
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if ((n - 1 - i) % every == 0) {
                xTicks.add(new Tick(fmt(x(i, n)), monthLabels.get(i)));
            }
        }
        List<Line> lines = new ArrayList<>();
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            List<String> segments = new ArrayList<>();
            List<Point> points = new ArrayList<>();
            StringBuilder segment = new StringBuilder();
            for (int i = 0; i < n; i++) {
                Long v = s.values().get(i);
                if (v == null) {
                    if (!segment.isEmpty()) {
                        segments.add(segment.toString().strip());
                        segment.setLength(0);
                    }
                    continue;
                }
                String px = fmt(x(i, n));
                String py = fmt(y(v, top));
                segment.append(px).append(',').append(py).append(' ');
                points.add(new Point(px, py, shape(MARKERS[k % MARKERS.length], x(i, n), y(v, top)), Long.toString(v),
                        s.name() + ", " + months.get(i) + ": " + v + " " + unit));
            }
            if (!segment.isEmpty()) {
                segments.add(segment.toString().strip());
            }
            lines.add(new Line(s.name(), "series-" + (k + 1), MARKERS[k % MARKERS.length], segments, points));
        }
        return new Chart(id, title, description, WIDTH, HEIGHT, PLOT, yTicks, xTicks, lines, table);
    }

    /** A round step giving about five gridlines. */
    static long step(long max) {
        long rough = Math.max(1, max / 5);
        long magnitude = 1;
        while (magnitude * 10 <= rough) {
            magnitude *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * magnitude >= rough) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /** Circle, square or triangle around (x, y): the lines differ in shape, not only in colour. */
    private static String shape(String marker, double x, double y) {
        return switch (marker) {
            case "square" -> "M" + fmt(x - 4) + " " + fmt(y - 4) + "h8v8h-8Z";
            case "triangle" -> "M" + fmt(x) + " " + fmt(y - 5) + "l5 9h-10Z";
            default -> "M" + fmt(x - 4) + " " + fmt(y) + "a4 4 0 1 0 8 0a4 4 0 1 0 -8 0Z";
        };
    }

    private static double x(int i, int n) {
        return n == 1 ? (PLOT.left() + PLOT.right()) / 2.0 : PLOT.left() + 12 + (PLOT.right() - PLOT.left() - 24) * (double) i / (n - 1);
    }

    private static double y(long v, long top) {
        return PLOT.bottom() - (PLOT.bottom() - PLOT.top()) * (double) v / top;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
