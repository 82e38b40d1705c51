using RouteSim.Plotting.Maps;

namespace RouteSim.Plotting.Tests;

public class LabelPlacementTests
{
    private static (double, double) Size(int request, string text) => (7.0 * text.Length, 14);

    [Fact]
    public void Crowded_points_get_labels_that_never_overlap_stay_inside_and_avoid_obstacles()
    {
        var random = new Random(18);
        var area = new PixelBox(0, 0, 600, 400);
        var obstacle = new PixelBox(20, 340, 200, 390);
        var requests = Enumerable.Range(0, 300).Select(i => new LabelRequest([$"Place number {i}", $"P{i}"], random.NextDouble() * 600, random.NextDouble() * 400, 5)).ToArray();
        var placed = LabelPlacement.Place(requests, Size, area, [obstacle]);
        Assert.InRange(placed.Count, 20, 299); // some fit, and at this density some must be dropped
        for (int i = 0; i < placed.Count; i++)
        {
            Assert.True(placed[i].Box.Inside(area));
            Assert.False(placed[i].Box.Overlaps(obstacle));
            for (int j = 0; j < i; j++) Assert.False(placed[i].Box.Overlaps(placed[j].Box));
        }
    }

    [Fact]
    public void A_label_at_the_right_edge_goes_left_and_a_long_one_is_shortened()
    {
        var area = new PixelBox(0, 0, 250, 100);
        var placed = LabelPlacement.Place([new LabelRequest(["Houston gun market (firearms southbound)", "Houston gun market"], 240, 50, 5)], Size, area, []);
        var label = Assert.Single(placed);
        Assert.Equal("Houston gun market", label.Text); // the full text, 280 px, is wider than the area
        Assert.True(label.Box.Right <= 240 - 5, "left of its point, since right of it is too narrow");
    }

    [Fact]
    public void The_more_important_label_keeps_its_place_and_the_other_moves()
    {
        var area = new PixelBox(0, 0, 400, 200);
        var placed = LabelPlacement.Place([new LabelRequest(["Tijuana"], 100, 100, 5), new LabelRequest(["Tecate"], 110, 100, 5)], Size, area, []);
        Assert.Equal(2, placed.Count);
        Assert.True(placed[0].Box.Left > 100, "the first label takes its preferred place, right of its point");
        Assert.False(placed[0].Box.Overlaps(placed[1].Box));
    }

    [Fact]
    public void A_position_clear_of_drawn_lines_is_preferred()
    {
        var area = new PixelBox(0, 0, 400, 200);
        var line = new PixelSegment(100, 100, 300, 100, 6); // runs right from the point
        var label = Assert.Single(LabelPlacement.Place([new LabelRequest(["Nogales"], 100, 100, 5)], Size, area, [], [line]));
        Assert.False(line.Crosses(label.Box));
    }

    [Fact]
    public void Segments_cross_boxes_they_touch_and_miss_those_they_do_not()
    {
        var box = new PixelBox(10, 10, 20, 20);
        Assert.True(new PixelSegment(0, 15, 30, 15, 1).Crosses(box));
        Assert.True(new PixelSegment(0, 0, 30, 30, 1).Crosses(box));
        Assert.False(new PixelSegment(0, 30, 30, 30, 1).Crosses(box));
        Assert.True(new PixelSegment(0, 22, 30, 22, 6).Crosses(box)); // 3 px either side reaches the box
        Assert.False(new PixelSegment(0, 0, 5, 5, 1).Crosses(box));
    }
}
