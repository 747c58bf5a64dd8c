/* test_render.c - drawing scenes with SDL on the offscreen driver: boxes
 * where they belong, Kazakh and Russian text inside its box, fitting stats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "queue/error.h"
#include "ui/render.h"
#include "ui/scene.h"

#define W 640
#define H 360

static const struct kz_rgb bg = {20, 30, 40};
static const struct kz_rgb red = {255, 0, 0};
static const struct kz_rgb green = {0, 255, 0};
/* one colour per text, used nowhere else, so a pixel of it is that text's */
static const struct kz_rgb kk_color = {255, 200, 1};
static const struct kz_rgb ru_color = {1, 200, 255};
static const struct kz_rgb long_color = {200, 1, 255};
static const struct kz_rgb emoji_color = {123, 255, 45};

static struct kz_ui *ui;
static struct kz_scene scene;

static int
setup(void **state)
{
	char err[KZ_ERR_LEN];

	(void)state;
	setenv("SDL_VIDEODRIVER", "offscreen", 1);
	if (kz_ui_open("test", W, H, 0, KZ_SOURCE_DIR "/assets/fonts", &ui, err) != KZ_OK) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	kz_ui_close(ui);
	return 0;
}

static void
build_scene(void)
{
	kz_scene_begin(&scene, W, H, bg);
	kz_scene_rect(&scene, "red", 10, 10, 100, 50, red);
	kz_scene_rect(&scene, "green", 500, 10, 100, 50, green);
	kz_scene_text(&scene, "kk", 10, 80, 620, 60, kk_color, KZ_FONT_BOLD, KZ_ALIGN_CENTER, "kk",
		"%s", "Құжаттарды тапсыру ӘҒҚҢӨҰҮҺІ");
	kz_scene_text(&scene, "ru", 10, 160, 360, 50, ru_color, KZ_FONT_REGULAR, KZ_ALIGN_LEFT,
		"ru", "%s", "Сдача документов");
	kz_scene_text(&scene, "long", 420, 160, 90, 50, long_color, KZ_FONT_REGULAR, KZ_ALIGN_RIGHT,
		"kk", "%s", "Мемлекеттік қызметтер көрсету бойынша өтініштерді қабылдау бөлімі");
	kz_scene_text(&scene, "emoji", 10, 240, 300, 50, emoji_color, KZ_FONT_REGULAR,
		KZ_ALIGN_RIGHT, "", "%s", "Ok \xE4\xB8\xAD"); /* U+4E2D; DejaVu has U+1F600 */
}

static int
same(struct kz_rgb a, struct kz_rgb b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

static struct kz_rgb
pixel(int x, int y)
{
	char err[KZ_ERR_LEN];
	struct kz_rgb c;

	if (kz_ui_pixel(ui, x, y, &c, err) != KZ_OK)
		fail_msg("%s", err);
	return c;
}

static int
inside(const struct kz_item *it, int x, int y)
{
	return x >= it->x && x < it->x + it->w && y >= it->y && y < it->y + it->h;
}

/* Pixels of the item's colour inside its box. */
static int
count_in_box(const struct kz_item *it)
{
	int n = 0;

	for (int y = it->y; y < it->y + it->h; y++)
		for (int x = it->x; x < it->x + it->w; x++)
			n += same(pixel(x, y), it->color);
	return n;
}

/* Every pixel is either inside an item's box, or the background; a pixel
 * of a text's colour is inside that text's box. */
static void
check_nothing_leaves_its_box(void)
{
	for (int y = 0; y < H; y++)
		for (int x = 0; x < W; x++) {
			struct kz_rgb c = pixel(x, y);
			int in_any = 0;
			for (int i = 0; i < scene.n; i++) {
				const struct kz_item *it = &scene.items[i];
				in_any |= inside(it, x, y);
				if (it->kind == KZ_ITEM_TEXT && same(c, it->color) &&
					!inside(it, x, y))
					fail_msg("a pixel of '%s' at (%d, %d) is outside its box",
						it->id, x, y);
			}
			if (!in_any && !same(c, bg))
				fail_msg("(%d, %d) is %d,%d,%d, not the background", x, y, c.r, c.g,
					c.b);
		}
}

static void
draw(struct kz_ui_stats *st)
{
	char err[KZ_ERR_LEN];

	if (kz_ui_draw(ui, &scene, st, err) != KZ_OK)
		fail_msg("%s", err);
}

static void
test_boxes_are_where_the_scene_puts_them(void **state)
{
	(void)state;
	build_scene();
	draw(NULL);
	assert_true(same(pixel(10, 10), red));
	assert_true(same(pixel(109, 59), red));
	assert_true(same(pixel(60, 35), red));
	assert_true(same(pixel(500, 10), green));
	assert_true(same(pixel(599, 59), green));
	assert_true(same(pixel(110, 35), bg)); /* just right of red */
	assert_true(same(pixel(60, 60), bg));  /* just below red */
	assert_true(same(pixel(0, 0), bg));
	assert_true(same(pixel(W - 1, H - 1), bg));
}

static void
test_text_is_drawn_inside_its_box(void **state)
{
	(void)state;
	build_scene();
	draw(NULL);
	for (int i = 0; i < scene.n; i++)
		if (scene.items[i].kind == KZ_ITEM_TEXT && count_in_box(&scene.items[i]) == 0)
			fail_msg("no pixel of text '%s' in its box", scene.items[i].id);
	check_nothing_leaves_its_box();
}

static void
test_stats_name_the_shrunk_text_and_missing_glyphs(void **state)
{
	struct kz_ui_stats st;

	(void)state;
	build_scene();
	draw(&st);
	assert_int_equal(st.texts, 4);
	assert_true(st.shrunk >= 1);
	assert_int_equal(st.too_small, 1);
	assert_string_equal(st.worst, "long");
	assert_int_equal(st.missing_glyphs, 1); /* U+4E2D; every Kazakh letter is there */
}

static void
test_unchanged_scene_draws_the_same_twice(void **state)
{
	struct kz_ui_stats a, b;
	int n;

	(void)state;
	build_scene();
	draw(&a);
	n = count_in_box(kz_scene_find(&scene, "kk"));
	draw(&b);
	assert_memory_equal(&a, &b, sizeof a);
	assert_int_equal(count_in_box(kz_scene_find(&scene, "kk")), n);
	check_nothing_leaves_its_box();
}

static void
test_screenshot_is_a_png(void **state)
{
	static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
	unsigned char head[8];
	char path[64], err[KZ_ERR_LEN];
	FILE *f;

	(void)state;
	build_scene();
	draw(NULL);
	snprintf(path, sizeof path, "/tmp/kezek-test-render-%ld.png", (long)getpid());
	if (kz_ui_save_png(ui, path, err) != KZ_OK)
		fail_msg("%s", err);
	f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fread(head, 1, sizeof head, f), sizeof head);
	fclose(f);
	assert_memory_equal(head, sig, sizeof sig);
	if (getenv("KEEP_PNG") == NULL)
		unlink(path);
	assert_int_equal(kz_ui_save_png(ui, "/nonexistent/dir/x.png", err), KZ_EINVAL);
}

static void
test_pixel_outside_the_frame_is_refused(void **state)
{
	struct kz_rgb c;
	char err[KZ_ERR_LEN];
	int w, h;

	(void)state;
	build_scene();
	draw(NULL);
	assert_int_equal(kz_ui_pixel(ui, W, 0, &c, err), KZ_EINVAL);
	assert_int_equal(kz_ui_pixel(ui, 0, -1, &c, err), KZ_EINVAL);
	assert_non_null(strstr(err, "outside"));
	kz_ui_size(ui, &w, &h);
	assert_int_equal(w, W);
	assert_int_equal(h, H);
	assert_int_equal(kz_ui_wait(ui, 0), 0);
}

/* A scene of another size gets a frame of its own size. */
static void
test_scene_size_change_makes_a_new_frame(void **state)
{
	struct kz_scene small;
	struct kz_rgb c;
	char err[KZ_ERR_LEN];

	(void)state;
	kz_scene_begin(&small, 320, 180, green);
	kz_scene_rect(&small, "red", 300, 170, 20, 10, red);
	assert_int_equal(kz_ui_draw(ui, &small, NULL, err), KZ_OK);
	assert_int_equal(kz_ui_pixel(ui, 319, 179, &c, err), KZ_OK);
	assert_true(same(c, red));
	assert_int_equal(kz_ui_pixel(ui, 0, 0, &c, err), KZ_OK);
	assert_true(same(c, green));
	assert_int_equal(kz_ui_pixel(ui, 320, 0, &c, err), KZ_EINVAL);
	build_scene();
	draw(NULL);
	assert_true(same(pixel(W - 1, H - 1), bg));
}

static void
test_missing_font_is_a_config_error_naming_the_file(void **state)
{
	struct kz_ui *other = (struct kz_ui *)1;
	char err[KZ_ERR_LEN];

	(void)state;
	assert_int_equal(kz_ui_open("test", W, H, 0, "/nonexistent/fonts", &other, err),
		KZ_ECONFIG);
	assert_null(other);
	assert_non_null(strstr(err, "DejaVuSans.ttf"));
	/* the open ui still works after another open failed */
	build_scene();
	draw(NULL);
	assert_true(same(pixel(10, 10), red));
}

/* A screen chosen by the name the system gives it: exactly, else as an
 * administrator may type it; a name that is not there is not taken for
 * another. */
static void
test_output_by_name(void **state)
{
	const char *const names[] = {"HDMI-1", "DP-2", "eDP-1", NULL};

	(void)state;
	assert_int_equal(kz_ui_output_index("DP-2", names, 4), 1);
	assert_int_equal(kz_ui_output_index("hdmi-1", names, 4), 0);
	assert_int_equal(kz_ui_output_index("eDP-1", names, 4), 2);
	assert_int_equal(kz_ui_output_index("DP-1", names, 4), -1);
	assert_int_equal(kz_ui_output_index("HDMI", names, 4), -1);
	assert_int_equal(kz_ui_output_index("", names, 4), -1);
	assert_int_equal(kz_ui_output_index("DP-2", names, 0), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_output_by_name),
		cmocka_unit_test(test_boxes_are_where_the_scene_puts_them),
		cmocka_unit_test(test_text_is_drawn_inside_its_box),
		cmocka_unit_test(test_stats_name_the_shrunk_text_and_missing_glyphs),
		cmocka_unit_test(test_unchanged_scene_draws_the_same_twice),
		cmocka_unit_test(test_screenshot_is_a_png),
		cmocka_unit_test(test_pixel_outside_the_frame_is_refused),
		cmocka_unit_test(test_scene_size_change_makes_a_new_frame),
		cmocka_unit_test(test_missing_font_is_a_config_error_naming_the_file),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
