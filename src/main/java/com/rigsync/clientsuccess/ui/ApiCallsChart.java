package com.rigsync.clientsuccess.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.rigsync.clientsuccess.IntegrationFacts;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Samsara API calls per day over the last 30 days as a small bar chart, drawn on the server (JFreeChart onto
 * JFreeSVG) like the apparatus page's meter chart; a view box only, so it scales to the page's width.
 */
final class ApiCallsChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 200;
    private static final Font FONT = new Font("SansSerif", Font.PLAIN, 11);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

    private ApiCallsChart() {
    }

    static String svg(List<IntegrationFacts.DayCalls> days) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (IntegrationFacts.DayCalls day : days) {
            dataset.addValue(day.calls(), "API calls", DAY.format(day.day()));
        }
        CategoryAxis axis = new CategoryAxis(null);
        axis.setTickLabelFont(FONT);
        axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        axis.setMaximumCategoryLabelLines(1);
        NumberAxis calls = new NumberAxis("API calls");
        calls.setLabelFont(FONT);
        calls.setTickLabelFont(FONT);
        calls.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        calls.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)));
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x1a, 0x6f, 0xd8));
        CategoryPlot plot = new CategoryPlot(dataset, axis, calls, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xe1, 0xe6));
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);

        SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
        g2.setDefsKeyPrefix("api-calls-");
        chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g2.getSVGElement(null, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null);
    }
}
