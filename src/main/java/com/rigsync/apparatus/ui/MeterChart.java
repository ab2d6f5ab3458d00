package com.rigsync.apparatus.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import com.rigsync.apparatus.MeterChartData;
import com.rigsync.apparatus.MeterKind;
import com.rigsync.base.ui.DisplayPreferences;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws the meter history as an SVG on the server (JFreeChart onto JFreeSVG): odometer above engine hours on one time
 * axis in the department's time zone, the readings in use as a line and the flagged ones as red dots (on the scale's
 * edge when they lie far off it). The SVG has no fixed size (a view box only), so it scales to the page's width;
 * coordinates are rounded to a tenth of a pixel to keep it small.
 */
final class MeterChart {

    static final int WIDTH = 960;
    static final int HEIGHT = 440;
    private static final Color IN_USE = new Color(0x1a, 0x6f, 0xd8);
    private static final Color FLAGGED = new Color(0xb3, 0x26, 0x1e);
    private static final Color GRID_LINES = new Color(0xdd, 0xe1, 0xe6);
    private static final Font FONT = new Font("SansSerif", Font.PLAIN, 13);

    private MeterChart() {
    }

    /** The chart as one {@code <svg>} element; the data must not be empty. */
    static String svg(MeterChartData data, DisplayPreferences display) {
        DateAxis time = new DateAxis(null, TimeZone.getTimeZone(display.zone()), Locale.US);
        long from = data.from().toEpochMilli();
        long to = Math.max(data.to().toEpochMilli(), from + 3_600_000);
        time.setRange(new Date(from), new Date(to));
        time.setTickLabelFont(FONT);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(18);
        for (MeterChartData.Series series : data.series()) {
            plot.add(meter(series, display), 1);
        }
        JFreeChart chart = new JFreeChart(null, FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(FONT);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);

        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix("meter-chart-");
        g2.setGeomDoubleConverter(MeterChart::tenth);
        g2.setTransformDoubleConverter(MeterChart::tenth);
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGElement(null, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }

    private static XYPlot meter(MeterChartData.Series series, DisplayPreferences display) {
        boolean odometer = series.kind() == MeterKind.ODOMETER;
        String name = odometer ? "Odometer (" + display.units().symbol() + ")" : "Engine hours";
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYSeries inUse = points(name, series.inUse(), odometer, display);
        dataset.addSeries(inUse);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setSeriesPaint(0, IN_USE);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        if (!series.flagged().isEmpty()) {
            dataset.addSeries(onScale(points(series.kind().label() + ": flagged, not used", series.flagged(),
                    odometer, display), inUse));
            renderer.setSeriesLinesVisible(1, false);
            renderer.setSeriesShapesVisible(1, true);
            renderer.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
            renderer.setSeriesPaint(1, FLAGGED);
        }
        NumberAxis values = new NumberAxis(name);
        values.setAutoRangeIncludesZero(false);
        values.setLabelFont(FONT);
        values.setTickLabelFont(FONT);
        values.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)));
        XYPlot plot = new XYPlot(dataset, null, values, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID_LINES);
        plot.setRangeGridlinePaint(GRID_LINES);
        plot.setOutlineVisible(false);
        return plot;
    }

    private static XYSeries points(String name, List<MeterChartData.Point> points, boolean odometer,
                                   DisplayPreferences display) {
        XYSeries series = new XYSeries(name, false, true);
        for (MeterChartData.Point p : points) {
            double value = odometer ? display.units().fromMetres(p.value()) : p.value() / 3600.0;
            series.add(p.at().toEpochMilli(), value, false);
        }
        return series;
    }

    /**
     * Flagged readings far off the readings in use (an odometer that restarted near zero after a gateway swap) would
     * flatten the line to nothing; they are drawn on the scale's edge instead (the table beneath has their values).
     */
    private static XYSeries onScale(XYSeries flagged, XYSeries inUse) {
        if (inUse.isEmpty()) {
            return flagged;
        }
        double span = Math.max(inUse.getMaxY() - inUse.getMinY(), Math.abs(inUse.getMaxY()) * 0.01 + 1);
        double low = inUse.getMinY() - span * 0.1;
        double high = inUse.getMaxY() + span * 0.1;
        XYSeries shown = new XYSeries(flagged.getKey(), false, true);
        for (int i = 0; i < flagged.getItemCount(); i++) {
            shown.add(flagged.getX(i).doubleValue(), Math.max(low, Math.min(high, flagged.getY(i).doubleValue())),
                    false);
        }
        return shown;
    }

    private static String tenth(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10) : Double.toString(tenths / 10.0);
    }
}
