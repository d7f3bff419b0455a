/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-indicator-grid.c: the grid of targets per indicator and year (icw-indicator-grid.h). The
 * years shown run from the first year (the earliest year any indicator has, else next year) for
 * as many years as the spin says (at least the span the data has). A cell left empty has no
 * target; a cell that is not a number is marked, named in its tooltip and not saved. The texts
 * of older applications ("第一年120；第二年160") stay in the last column, read-only, shown only when
 * one indicator has such a text. A grid wider than the page scrolls with a scrollbar in sight. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>

#include "icw-indicator-grid.h"

#define MAX_YEARS 10

/* Where a cell's entry stands: its indicator's index and its year (0 for the baseline). */
typedef struct {
  guint  index;
  gint64 year;
} IcwIndicatorCell;

struct _IcwIndicatorGrid
{
  GtkBox      parent_instance;
  GtkWidget  *first_year;
  GtkWidget  *n_years;
  GtkWidget  *grid;
  GtkWidget  *empty;
  JsonArray  *items;       /* the part as last set, edited in place */
  GHashTable *cells;       /* the entries shown (not referenced) → their IcwIndicatorCell */
  gboolean    building;
};

G_DEFINE_FINAL_TYPE (IcwIndicatorGrid, icw_indicator_grid, GTK_TYPE_BOX)

enum { COMMITTED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
icw_indicator_parse_number (const char *text,
                            double     *value)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  char *end = NULL;
  double v;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF10 && c <= 0xFF19)       /* full-width digits */
        g_string_append_c (ascii, (char) ('0' + (c - 0xFF10)));
      else if (c == 0xFF0E)                 /* full-width full stop */
        g_string_append_c (ascii, '.');
      else if (c == 0xFF0D)
        g_string_append_c (ascii, '-');
      else if (c < 0x80)
        g_string_append_c (ascii, (char) c);
      else
        return FALSE;
    }
  g_strstrip (ascii->str);
  if (*ascii->str == '\0')
    return FALSE;
  for (const char *p = ascii->str; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && *p != '-')
      return FALSE;
  v = g_ascii_strtod (ascii->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (v))
    return FALSE;
  *value = v;
  return TRUE;
}

static char *
format_number (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.10g", json_node_get_double (node)));
    }
  return g_strdup ("");
}

static JsonNode *
number_node (double value)
{
  if (value > -1e15 && value < 1e15 && (double) (gint64) value == value)
    return json_node_init_int (json_node_alloc (), (gint64) value);
  return json_node_init_double (json_node_alloc (), value);
}

static const char *
string_of (JsonObject *item,
           const char *member)
{
  JsonNode *node = json_object_get_member (item, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : "";
}

static JsonArray *
years_of (JsonObject *item)
{
  JsonNode *node = json_object_get_member (item, "years");

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static JsonNode *
target_for (JsonObject *item,
            gint64      year)
{
  JsonArray *years = years_of (item);

  for (guint i = 0; years != NULL && i < json_array_get_length (years); i++)
    {
      JsonObject *entry = json_array_get_object_element (years, i);

      if (entry != NULL && json_object_has_member (entry, "year") && json_object_get_int_member (entry, "year") == year)
        return json_object_get_member (entry, "target");
    }
  return NULL;
}

/* Sets (or with value NULL removes) the target of a year, keeping the years in order. */
static void
set_target (JsonObject *item,
            gint64      year,
            JsonNode   *value)
{
  JsonArray *old = years_of (item);
  g_autoptr(JsonArray) years = json_array_new ();
  gboolean placed = value == NULL;

  for (guint i = 0; old != NULL && i < json_array_get_length (old); i++)
    {
      JsonObject *entry = json_array_get_object_element (old, i);
      gint64 y = entry != NULL && json_object_has_member (entry, "year") ? json_object_get_int_member (entry, "year") : 0;

      if (y == year)
        continue;
      if (!placed && y > year)
        {
          JsonObject *added = json_object_new ();

          json_object_set_int_member (added, "year", year);
          json_object_set_member (added, "target", json_node_ref (value));
          json_array_add_object_element (years, added);
          placed = TRUE;
        }
      json_array_add_element (years, json_node_copy (json_array_get_element (old, i)));
    }
  if (!placed)
    {
      JsonObject *added = json_object_new ();

      json_object_set_int_member (added, "year", year);
      json_object_set_member (added, "target", json_node_ref (value));
      json_array_add_object_element (years, added);
    }
  json_object_set_array_member (item, "years", json_array_ref (years));
}

static void
commit (IcwIndicatorGrid *self)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *json = NULL;

  json_node_set_array (root, self->items);
  json = json_to_string (root, FALSE);
  g_signal_emit (self, signals[COMMITTED], 0, json);
}

/* A cell typed in: found by its entry among the cells shown (none while rebuilding). */
static void
on_cell_done (GtkEditable      *entry,
              IcwIndicatorGrid *self)
{
  const IcwIndicatorCell *at = g_hash_table_lookup (self->cells, entry);
  guint index = at != NULL ? at->index : G_MAXUINT;
  gint64 year = at != NULL ? at->year : 0;
  const char *text = gtk_editable_get_text (entry);
  JsonObject *item;
  g_autofree char *before = NULL;
  g_autofree char *typed = g_strstrip (g_strdup (text));
  g_autoptr(JsonNode) value = NULL;
  double number;

  if (self->building || at == NULL || self->items == NULL || index >= json_array_get_length (self->items))
    return;
  item = json_array_get_object_element (self->items, index);
  before = format_number (year == 0 ? json_object_get_member (item, "baseline_value") : target_for (item, year));
  if (g_strcmp0 (typed, before) == 0)
    return;
  text = typed;
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
  if (*text != '\0' && !icw_indicator_parse_number (text, &number))
    {
      g_autofree char *message = NULL;
      const char *name = string_of (item, "name");

      message = year == 0
                ? g_strdup_printf (_("Indicator %u (%s), baseline: “%s” is not a number"), index + 1, name, text)
                : g_strdup_printf (_("Indicator %u (%s), %d: “%s” is not a number"),
                                   index + 1, name, (int) year, text);
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      return;
    }
  value = *text != '\0' ? number_node (number) : NULL;
  if (year == 0)
    {
      if (value != NULL)
        json_object_set_member (item, "baseline_value", json_node_ref (value));
      else
        json_object_remove_member (item, "baseline_value");
    }
  else
    set_target (item, year, value);
  commit (self);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                IcwIndicatorGrid        *self)
{
  on_cell_done (GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))), self);
}

static GtkWidget *
header (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkWidget *
cell (IcwIndicatorGrid *self,
      guint             index,
      gint64            year,
      JsonNode         *value,
      const char       *accessible_name)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *text = format_number (value);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  IcwIndicatorCell *at = g_new0 (IcwIndicatorCell, 1);

  at->index = index;
  at->year = year;
  g_hash_table_insert (self->cells, entry, at);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  g_signal_connect (entry, "activate", G_CALLBACK (on_cell_done), self);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (entry, focus);
  return entry;
}

/* The earliest and latest years of any indicator's targets; FALSE when there are none. */
static gboolean
year_span (JsonArray *items,
           gint64    *first,
           gint64    *last)
{
  gboolean any = FALSE;

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonArray *years = item != NULL ? years_of (item) : NULL;

      for (guint y = 0; years != NULL && y < json_array_get_length (years); y++)
        {
          JsonObject *entry = json_array_get_object_element (years, y);
          gint64 year;

          if (entry == NULL || !json_object_has_member (entry, "year"))
            continue;
          year = json_object_get_int_member (entry, "year");
          *first = any ? MIN (*first, year) : year;
          *last = any ? MAX (*last, year) : year;
          any = TRUE;
        }
    }
  return any;
}

static void
rebuild (IcwIndicatorGrid *self)
{
  GtkWidget *child;
  gint64 first = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->first_year));
  guint n_years = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->n_years));
  guint n = self->items != NULL ? json_array_get_length (self->items) : 0;
  guint column = 0;
  gboolean any_old_text = FALSE;

  /* The column of older applications' texts only when one has such a text: empty, it pushed the
   * last year out of sight at 1260 px. */
  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = json_array_get_object_element (self->items, i);

      any_old_text = any_old_text || (item != NULL && *string_of (item, "targets") != '\0');
    }
  self->building = TRUE;
  while ((child = gtk_widget_get_first_child (self->grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->grid), child);
  g_hash_table_remove_all (self->cells);
  gtk_widget_set_visible (self->empty, n == 0);
  gtk_widget_set_visible (self->grid, n > 0);
  gtk_grid_attach (GTK_GRID (self->grid), header (_("Indicator")), column++, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), header (_("Unit")), column++, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (self->grid), header (_("Baseline")), column++, 0, 1, 1);
  for (guint y = 0; y < n_years; y++)
    {
      g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, first + y);

      gtk_grid_attach (GTK_GRID (self->grid), header (year), column++, 0, 1, 1);
    }
  if (any_old_text)
    {
      GtkWidget *label = header (_("Targets as text (earlier versions)"));

      /* As wide as the texts under it, wrapped between words. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_grid_attach (GTK_GRID (self->grid), label, column, 0, 1, 1);
    }
  for (guint i = 0; i < n; i++)
    {
      JsonObject *item = json_array_get_object_element (self->items, i);
      const char *name = item != NULL ? string_of (item, "name") : "";
      g_autofree char *shown = g_strdup_printf ("%u. %s", i + 1, name);
      g_autofree char *base_name = g_strdup_printf (_("Indicator %u (%s), baseline"), i + 1, name);
      GtkWidget *label = gtk_label_new (shown), *unit, *old;

      if (item == NULL)
        continue;
      column = 0;
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      /* Wide enough for a Chinese indicator's name on one or two lines, not one per character. */
      gtk_label_set_width_chars (GTK_LABEL (label), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_grid_attach (GTK_GRID (self->grid), label, column++, i + 1, 1, 1);
      unit = gtk_label_new (string_of (item, "unit"));
      gtk_grid_attach (GTK_GRID (self->grid), unit, column++, i + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (self->grid), cell (self, i, 0, json_object_get_member (item, "baseline_value"), base_name),
                       column++, i + 1, 1, 1);
      for (guint y = 0; y < n_years; y++)
        {
          g_autofree char *cell_name = g_strdup_printf (_("Indicator %u (%s), target for %d"),
                                                        i + 1, name, (int) (first + y));

          gtk_grid_attach (GTK_GRID (self->grid), cell (self, i, first + y, target_for (item, first + y), cell_name),
                           column++, i + 1, 1, 1);
        }
      if (!any_old_text)
        continue;
      old = gtk_label_new (string_of (item, "targets"));
      gtk_label_set_xalign (GTK_LABEL (old), 0);
      gtk_label_set_wrap (GTK_LABEL (old), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (old), 24);
      gtk_widget_add_css_class (old, "dim-label");
      gtk_label_set_selectable (GTK_LABEL (old), TRUE);
      gtk_grid_attach (GTK_GRID (self->grid), old, column, i + 1, 1, 1);
    }
  self->building = FALSE;
}

static void
on_years_changed (IcwIndicatorGrid *self)
{
  if (!self->building)
    rebuild (self);
}

void
icw_indicator_grid_set_json (IcwIndicatorGrid *self,
                             const char       *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gint64 first, last;

  g_return_if_fail (ICW_IS_INDICATOR_GRID (self));
  g_clear_pointer (&self->items, json_array_unref);
  if (json != NULL && *json != '\0' && json_parser_load_from_data (parser, json, -1, NULL) &&
      JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    self->items = json_array_ref (json_node_get_array (json_parser_get_root (parser)));
  else
    self->items = json_array_new ();
  self->building = TRUE;
  if (year_span (self->items, &first, &last))
    {
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->first_year), (double) first);
      if (last - first + 1 > gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->n_years)))
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->n_years), (double) MIN (last - first + 1, MAX_YEARS));
    }
  self->building = FALSE;
  rebuild (self);
}

static void
icw_indicator_grid_dispose (GObject *object)
{
  IcwIndicatorGrid *self = ICW_INDICATOR_GRID (object);

  g_clear_pointer (&self->items, json_array_unref);
  G_OBJECT_CLASS (icw_indicator_grid_parent_class)->dispose (object);
}

static void
icw_indicator_grid_finalize (GObject *object)
{
  IcwIndicatorGrid *self = ICW_INDICATOR_GRID (object);

  g_hash_table_destroy (self->cells);
  G_OBJECT_CLASS (icw_indicator_grid_parent_class)->finalize (object);
}

static void
icw_indicator_grid_class_init (IcwIndicatorGridClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_indicator_grid_dispose;
  G_OBJECT_CLASS (klass)->finalize = icw_indicator_grid_finalize;
  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

/* A label and its spin button, one row of @grid: the labels in a column of their own, whole
 * (wrapped beside a spin button, "Years" was hyphenated as "Ye-ars" at any width: GTK gives a
 * wrapping label the narrowest width that fits the spin button's height). */
static GtkWidget *
labelled_spin (GtkWidget  *grid,
               int         row,
               const char *text,
               double      lo,
               double      hi,
               double      value)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);
  GtkWidget *spin = gtk_spin_button_new_with_range (lo, hi, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), spin, 1, row, 1, 1);
  return spin;
}

static void
icw_indicator_grid_init (IcwIndicatorGrid *self)
{
  GtkWidget *title = gtk_label_new (_("Targets by year (绩效目标表)"));
  GtkWidget *hint = gtk_label_new (_("One number per indicator and year, in the indicator's unit. Name the indicators above; an empty cell has no target."));
  GtkWidget *years = gtk_grid_new ();
  GtkWidget *scroller;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 8);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 18);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (self), title);
  gtk_box_append (GTK_BOX (self), hint);
  /* One above the other: side by side they are wider than a 360 px window. */
  gtk_grid_set_row_spacing (GTK_GRID (years), 6);
  gtk_grid_set_column_spacing (GTK_GRID (years), 12);
  gtk_widget_set_halign (years, GTK_ALIGN_START);
  self->first_year = labelled_spin (years, 0, _("_First year"), 2000, 2100, g_date_time_get_year (now) + 1);
  self->n_years = labelled_spin (years, 1, _("_Years"), 1, MAX_YEARS, 3);
  gtk_box_append (GTK_BOX (self), years);
  g_signal_connect_swapped (self->first_year, "value-changed", G_CALLBACK (on_years_changed), self);
  g_signal_connect_swapped (self->n_years, "value-changed", G_CALLBACK (on_years_changed), self);
  self->empty = gtk_label_new (_("Add an indicator above to give its targets."));
  gtk_label_set_xalign (GTK_LABEL (self->empty), 0);
  gtk_box_append (GTK_BOX (self), self->empty);
  self->grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 8);
  /* Many years make the grid wide: it scrolls sideways rather than widen the window, with a
   * scrollbar always drawn then (an overlay one shows only under the pointer, and a cut column
   * looked like the whole table). */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller), FALSE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->grid);
  gtk_box_append (GTK_BOX (self), scroller);
  self->items = json_array_new ();
  self->cells = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
}

GtkWidget *
icw_indicator_grid_new (void)
{
  return g_object_new (ICW_TYPE_INDICATOR_GRID, NULL);
}
