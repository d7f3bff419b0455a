/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-json-list-editor.c: one expander row per object, one field per column. Every edit updates
 * the array in memory and emits "committed" with the whole array as JSON; the owner saves it as
 * one property, so the part is always valid JSON of the documented shape. A number that does not
 * parse is shown beside its field and not committed. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "icw-expander-list.h"
#include "icw-field-row.h"
#include "icw-json-list-editor.h"
#include "icw-ui-util.h"

struct _IcwJsonListEditor
{
  AdwPreferencesGroup parent_instance;

  const IcwJsonColumn *columns;
  guint n_columns;
  JsonArray *items;
  GtkListBox *rows;
  GPtrArray *cells;             /* IcwJsonCell of the rows shown, not owned: their closures own them */
  gboolean updating;
};

/* What one field row (or remove button) edits: which item, which column, under which expander.
 * Owned by the row's signal closure, so it lives exactly as long as the row. */
typedef struct
{
  IcwListCell          head;    /* its key is the column's */
  IcwJsonListEditor   *editor;
  const IcwJsonColumn *column;  /* NULL for a remove button */
  AdwPreferencesRow   *expander;
} IcwJsonCell;

G_DEFINE_FINAL_TYPE (IcwJsonListEditor, icw_json_list_editor, ADW_TYPE_PREFERENCES_GROUP)

enum {
  COMMITTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void rebuild (IcwJsonListEditor *self);

static IcwJsonCell *
cell_new (IcwJsonListEditor   *self,
          const IcwJsonColumn *column,
          guint                index,
          GtkWidget           *expander)
{
  IcwJsonCell *cell = g_new0 (IcwJsonCell, 1);

  cell->editor = self;
  cell->column = column;
  cell->head.index = index;
  cell->head.key = column != NULL ? column->key : NULL;
  cell->expander = ADW_PREFERENCES_ROW (expander);
  return cell;
}

static void
cell_free (gpointer data,
           GClosure *closure)
{
  g_free (data);
}

static void
commit (IcwJsonListEditor *self)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *json = NULL;

  json_node_set_array (root, self->items);
  json = json_to_string (root, FALSE);
  g_signal_emit (self, signals[COMMITTED], 0, json);
}

static const char *
member_text (JsonObject *object,
             const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : "";
}

static char *
row_title (IcwJsonListEditor *self,
           JsonObject        *object)
{
  const char *first = member_text (object, self->columns[0].key);

  return g_strdup (*first != '\0' ? first : _("(not named yet)"));
}

static void
on_field_committed (IcwFieldRow *row,
                    const char  *text,
                    gpointer     user_data)
{
  IcwJsonCell *cell = user_data;
  IcwJsonListEditor *self = cell->editor;
  const IcwJsonColumn *column = cell->column;
  guint index = cell->head.index;
  JsonObject *object;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (self->updating || index >= json_array_get_length (self->items))
    return;
  object = json_array_get_object_element (self->items, index);

  if (column->type == ICW_JSON_COLUMN_INT)
    {
      gint64 value;

      if (!g_ascii_string_to_signed (trimmed, 10, column->min, column->max, &value, NULL))
        {
          g_autofree char *message = g_strdup_printf (_("Type a whole number from %d to %d"), column->min, column->max);
          icw_field_row_set_error (row, message);
          return;
        }
      json_object_set_int_member (object, column->key, value);
    }
  else
    json_object_set_string_member (object, column->key, trimmed);

  icw_field_row_set_error (row, NULL);
  if (column == &self->columns[0])
    {
      g_autofree char *title = row_title (self, object);
      adw_preferences_row_set_title (cell->expander, title);
    }
  commit (self);
}

static void
on_choice_selected (AdwComboRow *row,
                    GParamSpec  *pspec,
                    gpointer     user_data)
{
  IcwJsonCell *cell = user_data;
  IcwJsonListEditor *self = cell->editor;
  const IcwJsonColumn *column = cell->column;
  guint index = cell->head.index;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || index >= json_array_get_length (self->items) ||
      selected == GTK_INVALID_LIST_POSITION)
    return;
  json_object_set_string_member (json_array_get_object_element (self->items, index),
                                 column->key, column->choice_keys[selected]);
  commit (self);
}

static void
on_remove_clicked (GtkButton *button,
                   gpointer   user_data)
{
  IcwJsonCell *cell = user_data;
  IcwJsonListEditor *self = cell->editor;

  if (!self->updating && icw_expander_list_remove (self->items, &cell->head))
    {
      commit (self);
      rebuild (self);
    }
}

static GtkWidget *
column_row (IcwJsonListEditor   *self,
            const IcwJsonColumn *column,
            JsonObject          *object,
            guint                index,
            GtkWidget           *expander)
{
  IcwJsonCell *cell = cell_new (self, column, index, expander);
  GtkWidget *row;

  if (column->type == ICW_JSON_COLUMN_CHOICE)
    {
      GtkStringList *labels = gtk_string_list_new (NULL);
      const char *current = member_text (object, column->key);
      guint selected = 0;

      for (guint i = 0; column->choice_keys[i] != NULL; i++)
        {
          gtk_string_list_append (labels, _(column->choice_labels[i]));
          if (g_str_equal (column->choice_keys[i], current))
            selected = i;
        }
      row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(column->title));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      g_object_unref (labels);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_signal_connect_data (row, "notify::selected", G_CALLBACK (on_choice_selected), cell, cell_free, 0);
    }
  else
    {
      row = icw_field_row_new (_(column->title), NULL);
      if (column->type == ICW_JSON_COLUMN_INT)
        {
          JsonNode *node = json_object_get_member (object, column->key);
          g_autofree char *number = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
                                    json_node_get_value_type (node) == G_TYPE_INT64
                                    ? g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node)) : g_strdup ("");
          icw_field_row_set_text (ICW_FIELD_ROW (row), number);
        }
      else
        icw_field_row_set_text (ICW_FIELD_ROW (row), member_text (object, column->key));
      g_signal_connect_data (row, "committed", G_CALLBACK (on_field_committed), cell, cell_free, 0);
    }
  cell->head.row = row;
  g_ptr_array_add (self->cells, cell);
  return row;
}

static void
rebuild (IcwJsonListEditor *self)
{
  GtkWidget *child;
  guint n = json_array_get_length (self->items);

  self->updating = TRUE;
  g_ptr_array_set_size (self->cells, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_list_box_remove (self->rows, child);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = json_array_get_object_element (self->items, i);
      GtkWidget *expander = adw_expander_row_new ();
      g_autofree char *title = row_title (self, object);
      g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), title);
      GtkWidget *remove = icw_ui_icon_button ("user-trash-symbolic", remove_label);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
      for (guint c = 0; c < self->n_columns; c++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                  column_row (self, &self->columns[c], object, i, expander));
      g_signal_connect_data (remove, "clicked", G_CALLBACK (on_remove_clicked),
                             cell_new (self, NULL, i, expander), cell_free, 0);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);
      gtk_list_box_append (self->rows, expander);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rows), n > 0);
  self->updating = FALSE;
}

static void
on_add_clicked (IcwJsonListEditor *self)
{
  JsonObject *object = json_object_new ();

  for (guint c = 0; c < self->n_columns; c++)
    {
      const IcwJsonColumn *column = &self->columns[c];

      if (column->type == ICW_JSON_COLUMN_INT)
        json_object_set_int_member (object, column->key, column->min);
      else if (column->type == ICW_JSON_COLUMN_CHOICE)
        json_object_set_string_member (object, column->key, column->choice_keys[0]);
      else
        json_object_set_string_member (object, column->key, "");
    }
  json_array_add_object_element (self->items, object);
  commit (self);
  rebuild (self);
  icw_json_list_editor_focus (self, json_array_get_length (self->items) - 1, self->columns[0].key);
}

/* Replaces the items, unless the user is editing one of them (the store echoes our own saves). */
void
icw_json_list_editor_set_json (IcwJsonListEditor *self,
                               const char        *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  GtkRoot *window = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = window != NULL ? gtk_root_get_focus (window) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;
  g_clear_pointer (&self->items, json_array_unref);
  if (json != NULL && json_parser_load_from_data (parser, json, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
    self->items = json_array_ref (json_node_get_array (root));
  else
    self->items = json_array_new ();
  /* Objects only: anything else in the stored array is dropped from the editor, not shown wrongly. */
  for (guint i = json_array_get_length (self->items); i > 0; i--)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (self->items, i - 1)))
      json_array_remove_element (self->items, i - 1);
  rebuild (self);
}

gboolean
icw_json_list_editor_focus (IcwJsonListEditor *self,
                            guint              index,
                            const char        *key)
{
  return icw_expander_list_focus (self->rows, self->cells, index, key);
}

static void
icw_json_list_editor_dispose (GObject *object)
{
  IcwJsonListEditor *self = ICW_JSON_LIST_EDITOR (object);

  /* Rows going away may still commit on losing focus; nothing is left to edit by then. */
  self->updating = TRUE;
  if (self->cells != NULL)
    g_ptr_array_set_size (self->cells, 0);
  G_OBJECT_CLASS (icw_json_list_editor_parent_class)->dispose (object);
  g_clear_pointer (&self->items, json_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
}

static void
icw_json_list_editor_class_init (IcwJsonListEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_json_list_editor_dispose;

  signals[COMMITTED] = g_signal_new ("committed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
icw_json_list_editor_init (IcwJsonListEditor *self)
{
  self->items = json_array_new ();
  self->cells = g_ptr_array_new ();
  self->rows = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->rows, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->rows), "boxed-list");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->rows));
}

GtkWidget *
icw_json_list_editor_new (const char          *title,
                          const char          *description,
                          const char          *add_label,
                          const IcwJsonColumn *columns,
                          guint                n_columns)
{
  IcwJsonListEditor *self = g_object_new (ICW_TYPE_JSON_LIST_EDITOR, NULL);
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_description = g_markup_escape_text (description, -1);
  GtkWidget *add = icw_ui_mnemonic_button_new (add_label);

  self->columns = columns;
  self->n_columns = n_columns;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), escaped_title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), escaped_description);
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), add);
  return GTK_WIDGET (self);
}
