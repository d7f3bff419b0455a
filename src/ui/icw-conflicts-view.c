/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-conflicts-view.c: the conflicts view. The list on the left holds the store's conflicts
 * (icw_store_list_conflicts); the selected one is shown as a grid of fields, mine beside theirs,
 * the differing ones highlighted (CSS class "conflict-differs", and said in each value's
 * accessible description). The buttons call icw_store_resolve_conflict, then the controller is
 * told so that the state and the indicator follow, and what was queued goes out. A change the
 * server refused shows the refusal in the user's language (by its code) and offers only Discard
 * My Change. The widgets are a composite template (resources/ui/icw-conflicts-view.ui). */
#include "config.h"

#include <glib/gi18n.h>

#include "icw-conflict-fields.h"
#include "icw-adaptive-bin.h"
#include "icw-conflicts-view.h"
#include "icw-overflow-box.h"
#include "icw-store-sync.h"
#include "icw-sync-refusal.h"
#include "icw-ui-util.h"

struct _IcwConflictsView
{
  AdwBin parent_instance;

  IcwAdaptiveBin *adaptive;     /* the bin's child, not a bound template child: AdwBin owns it */

  IcwSyncController *controller;
  IcwStore *store;
  GPtrArray *conflicts;      /* IcwSyncConflict, in the list's order */
  GtkListBox *list;
  GtkStack *stack;           /* "empty" or "detail" */
  GtkLabel *title;
  GtkLabel *note;
  GtkGrid *grid;
  GtkWidget *mine_button;
  GtkWidget *theirs_button;
  GtkWidget *both_button;
  GtkWidget *discard_button;
};

G_DEFINE_FINAL_TYPE (IcwConflictsView, icw_conflicts_view, ADW_TYPE_BIN)

static JsonObject *
parse_object (const char *json,
              JsonParser *parser)
{
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
}

/* "Center: 齐鲁智能传感器制造业创新中心", from whichever version has a name or a title. */
static char *
conflict_title (IcwSyncConflict *conflict)
{
  const char *versions[] = { conflict->mine, conflict->theirs };
  const char *members[] = { "name", "title" };

  for (guint v = 0; v < G_N_ELEMENTS (versions); v++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *object = parse_object (versions[v], parser);

      for (guint m = 0; object != NULL && m < G_N_ELEMENTS (members); m++)
        {
          const char *text = json_object_get_string_member_with_default (object, members[m], NULL);
          if (text != NULL && *text != '\0')
            {
              /* A name of megabytes (refused as too large) is shown by its beginning. */
              g_autofree char *shown = g_utf8_strlen (text, 81) > 80
                                       ? g_strconcat (g_utf8_substring (text, 0, 80), "…", NULL)
                                       : g_strdup (text);

              /* Translators: the kind of a record, then its name. */
              return g_strdup_printf (_("%s: %s"), icw_conflict_kind_label (conflict->kind), shown);
            }
        }
    }
  return g_strdup_printf (_("%s: %s"), icw_conflict_kind_label (conflict->kind), conflict->record_id);
}

static GtkWidget *
value_label (const char *text,
             gboolean    differs,
             const char *description)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  if (differs)
    gtk_widget_add_css_class (label, "conflict-differs");
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  return label;
}

/* A value for people: enumerations by their labels, organizations by their names. */
static char *
field_text (IcwConflictsView *self,
            IcwRecordKind     kind,
            const char       *column,
            JsonNode         *node)
{
  const char *key = node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
                    json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
  const char *label = icw_conflict_enum_label (kind, column, key);

  if (label != NULL)
    return g_strdup (label);
  if (key != NULL && *key != '\0' && g_str_has_suffix (column, "organization_id"))
    {
      char *name = icw_ui_organization_name (self->store, key);
      if (name != NULL)
        return name;
    }
  return icw_conflict_field_value (column, node);
}

static void
add_field (IcwConflictsView *self,
           IcwSyncConflict  *conflict,
           int               row,
           const char       *column,
           JsonObject       *mine,
           JsonObject       *theirs)
{
  JsonNode *a = mine != NULL ? json_object_get_member (mine, column) : NULL;
  JsonNode *b = theirs != NULL ? json_object_get_member (theirs, column) : NULL;
  g_autofree char *mine_text = field_text (self, conflict->kind, column, a);
  g_autofree char *their_text = field_text (self, conflict->kind, column, b);
  gboolean differs = mine != NULL && theirs != NULL && !g_str_equal (mine_text, their_text);
  const char *label = icw_conflict_field_label (conflict->kind, column);
  g_autofree char *mine_description = g_strdup_printf (differs ? _("%s, yours, differs") : _("%s, yours"), label);
  g_autofree char *their_description = g_strdup_printf (differs ? _("%s, theirs, differs") : _("%s, theirs"), label);
  GtkWidget *name = value_label (label, differs, NULL);

  gtk_widget_add_css_class (name, "dim-label");
  gtk_widget_set_hexpand (name, FALSE);
  /* A field's name keeps its words whole ("Year of recognition", not "recognitio-n"). */
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD);
  gtk_grid_attach (self->grid, name, 0, row, 1, 1);
  gtk_grid_attach (self->grid, value_label (mine_text, differs, mine_description), 1, row, 1, 1);
  gtk_grid_attach (self->grid, value_label (their_text, differs, their_description), 2, row, 1, 1);
}

/* Whether a column's two values differ as shown. */
static gboolean
column_differs (IcwConflictsView *self,
                IcwSyncConflict  *conflict,
                const char       *column,
                JsonObject       *mine,
                JsonObject       *theirs)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (mine == NULL || theirs == NULL)
    return FALSE;
  a = field_text (self, conflict->kind, column, json_object_get_member (mine, column));
  b = field_text (self, conflict->kind, column, json_object_get_member (theirs, column));
  return !g_str_equal (a, b);
}

static void
clear_grid (IcwConflictsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static void
header (IcwConflictsView *self,
        int               column,
        const char       *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Between words where the window is narrow ("Yours (this computer)" alone made it 445 px wide). */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->grid, label, column, 0, 1, 1);
}

static IcwSyncConflict *
selected (IcwConflictsView *self)
{
  /* The list box is gone once the template is disposed; its rows going may still select. */
  GtkListBoxRow *row = self->list != NULL ? gtk_list_box_get_selected_row (self->list) : NULL;
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  return index >= 0 && (guint) index < self->conflicts->len ? g_ptr_array_index (self->conflicts, index) : NULL;
}


/* The detection time (stored as UTC ISO 8601) in the user's time zone, to the minute. */
static char *
local_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso != NULL ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (iso != NULL ? iso : "");
}

static void
show_conflict (IcwConflictsView *self)
{
  IcwSyncConflict *conflict = selected (self);
  g_autoptr(JsonParser) mine_parser = json_parser_new ();
  g_autoptr(JsonParser) their_parser = json_parser_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *mine, *theirs;
  g_autofree char *title = NULL;
  int row = 1;

  if (self->stack == NULL)    /* disposed */
    return;
  clear_grid (self);
  if (conflict == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "detail");
  title = conflict_title (conflict);
  gtk_label_set_text (self->title, title);
  mine = parse_object (conflict->mine, mine_parser);
  theirs = parse_object (conflict->theirs, their_parser);

  if (conflict->reason != NULL)
    {
      g_autofree char *note = icw_conflict_refusal_text (icw_sync_refusal_reason (conflict->code), conflict->reason,
                                                         conflict->kind, conflict->field);
      gtk_label_set_text (self->note, note);
    }
  else if (conflict->their_deleted)
    gtk_label_set_text (self->note, _("The record was deleted on the server while you changed it here."));
  else if (g_strcmp0 (conflict->mine_op, "delete") == 0)
    gtk_label_set_text (self->note, _("You deleted the record here while it was changed on the server."));
  else
    gtk_label_set_text (self->note, _("The record was changed here and on the server. Choose which version to keep; keeping both saves yours as a copy."));

  header (self, 0, C_("conflicts view column", "Field"));
  header (self, 1, _("Yours (this computer)"));
  header (self, 2, conflict->theirs != NULL ? _("Theirs (the server)") : _("Theirs (none: refused)"));
  /* The fields that differ first, then the others, then when each version was made. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint v = 0; v < 2; v++)
      {
        JsonObject *object = v == 0 ? mine : theirs;
        g_autoptr(GList) members = object != NULL ? json_object_get_members (object) : NULL;

        for (GList *l = members; l != NULL; l = l->next)
          {
            const char *column = l->data;
            gboolean meta = icw_conflict_field_is_meta (column);
            gboolean differs = !meta && column_differs (self, conflict, column, mine, theirs);

            if (icw_conflict_field_hidden (column) || g_hash_table_contains (seen, column) ||
                (pass == 0 && !differs) || (pass == 1 && (differs || meta)) || (pass == 2 && !meta))
              continue;
            g_hash_table_add (seen, (gpointer) column);
            add_field (self, conflict, row++, column, mine, theirs);
          }
      }
  gtk_widget_set_sensitive (self->both_button, mine != NULL);
  /* A refused change cannot be sent again as it is: it is given up (or re-keyed). */
  gtk_widget_set_visible (self->discard_button, conflict->reason != NULL);
  gtk_widget_set_visible (self->mine_button, conflict->reason == NULL);
  gtk_widget_set_visible (self->theirs_button, conflict->reason == NULL);
  gtk_widget_set_visible (self->both_button, conflict->reason == NULL);
}

void
icw_conflicts_view_reload (IcwConflictsView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = icw_store_list_conflicts (self->store, &error);
  GtkWidget *child;

  g_return_if_fail (ICW_IS_CONFLICTS_VIEW (self));
  if (conflicts == NULL)
    {
      icw_ui_report_error (GTK_WIDGET (self), error);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = g_steal_pointer (&conflicts);
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      IcwSyncConflict *conflict = g_ptr_array_index (self->conflicts, i);
      g_autofree char *title = conflict_title (conflict);
      g_autofree char *detected = local_time (conflict->detected_at);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detected);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      gtk_list_box_append (self->list, row);
    }
  if (self->conflicts->len > 0)
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
  show_conflict (self);
}

gboolean
icw_conflicts_view_resolve (IcwConflictsView *self,
                            int               resolution)
{
  IcwSyncConflict *conflict = selected (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_id = NULL;
  const char *done;

  g_return_val_if_fail (ICW_IS_CONFLICTS_VIEW (self), FALSE);
  if (conflict == NULL)
    return FALSE;
  if (!icw_store_resolve_conflict (self->store, conflict->seq, resolution, &copy_id, &error))
    {
      icw_ui_report_error (GTK_WIDGET (self), error);
      icw_conflicts_view_reload (self);
      return FALSE;
    }
  done = resolution == ICW_CONFLICT_KEEP_MINE ? _("Your version was kept; it goes to the server at the next sync")
         : resolution == ICW_CONFLICT_KEEP_THEIRS ? _("The server's version was kept")
         : resolution == ICW_CONFLICT_KEEP_BOTH ? _("Both versions were kept; yours is saved as a copy")
         : copy_id != NULL ? _("Your record has a new ID; it goes to the server at the next sync")
         : _("Your change was discarded; the server’s version is restored");
  icw_ui_toast (GTK_WIDGET (self), done);
  icw_conflicts_view_reload (self);
  icw_sync_controller_refresh (self->controller);
  /* The server's version may have to be fetched: at once rather than at the next edit. */
  if (resolution == ICW_CONFLICT_DISCARD_MINE)
    icw_sync_controller_sync_now (self->controller);
  return TRUE;
}

static void on_keep_mine (IcwConflictsView *self) { icw_conflicts_view_resolve (self, ICW_CONFLICT_KEEP_MINE); }
static void on_keep_theirs (IcwConflictsView *self) { icw_conflicts_view_resolve (self, ICW_CONFLICT_KEEP_THEIRS); }
static void on_keep_both (IcwConflictsView *self) { icw_conflicts_view_resolve (self, ICW_CONFLICT_KEEP_BOTH); }
static void on_discard (IcwConflictsView *self) { icw_conflicts_view_resolve (self, ICW_CONFLICT_DISCARD_MINE); }

const char *
icw_conflicts_view_get_note (IcwConflictsView *self)
{
  return gtk_label_get_text (self->note);
}

gboolean
icw_conflicts_view_can_discard (IcwConflictsView *self)
{
  return gtk_widget_get_visible (self->discard_button) && !gtk_widget_get_visible (self->mine_button);
}

guint
icw_conflicts_view_get_n_items (IcwConflictsView *self)
{
  return self->conflicts != NULL ? self->conflicts->len : 0;
}

void
icw_conflicts_view_select (IcwConflictsView *self,
                           guint             index)
{
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, index));
}

/* After a sync the list may have grown or shrunk. */
static void
on_state_changed (IcwConflictsView *self)
{
  if (icw_sync_controller_get_state (self->controller) != ICW_SYNC_STATE_SYNCING)
    icw_conflicts_view_reload (self);
}

static void
icw_conflicts_view_dispose (GObject *object)
{
  IcwConflictsView *self = ICW_CONFLICTS_VIEW (object);

  if (self->controller != NULL)
    g_signal_handlers_disconnect_by_data (self->controller, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICW_TYPE_CONFLICTS_VIEW);
  G_OBJECT_CLASS (icw_conflicts_view_parent_class)->dispose (object);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_object (&self->controller);
  g_clear_object (&self->store);
}

/* Folded (a narrow window), a conflict clicked in the list is shown in its place. */
static void
on_row_activated (IcwConflictsView *self)
{
  icw_adaptive_bin_show_content (self->adaptive);
}

static void
icw_conflicts_view_class_init (IcwConflictsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = icw_conflicts_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/icw-conflicts-view.ui");
  g_type_ensure (ICW_TYPE_ADAPTIVE_BIN);
  g_type_ensure (ICW_TYPE_OVERFLOW_BOX);
  gtk_widget_class_bind_template_child (widget_class, IcwConflictsView, list);
  gtk_widget_class_bind_template_child (widget_class, IcwConflictsView, stack);
  gtk_widget_class_bind_template_child (widget_class, IcwConflictsView, title);
  gtk_widget_class_bind_template_child (widget_class, IcwConflictsView, note);
  gtk_widget_class_bind_template_child (widget_class, IcwConflictsView, grid);
  gtk_widget_class_bind_template_child (widget_class, IcwConflictsView, mine_button);
  gtk_widget_class_bind_template_child (widget_class, IcwConflictsView, theirs_button);
  gtk_widget_class_bind_template_child (widget_class, IcwConflictsView, both_button);
  gtk_widget_class_bind_template_child (widget_class, IcwConflictsView, discard_button);
  gtk_widget_class_bind_template_callback (widget_class, show_conflict);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_mine);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_theirs);
  gtk_widget_class_bind_template_callback (widget_class, on_keep_both);
  gtk_widget_class_bind_template_callback (widget_class, on_discard);
}

static void
icw_conflicts_view_init (IcwConflictsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->adaptive = ICW_ADAPTIVE_BIN (adw_bin_get_child (ADW_BIN (self)));
  /* The template names the buttons without their mnemonics; GTK 4.8 would also name each by its
   * label (a relation a template cannot drop), and a screen reader would say it twice. */
  icw_ui_button_set_accessible_name (self->mine_button, _("Keep Mine"));
  icw_ui_button_set_accessible_name (self->theirs_button, _("Keep Theirs"));
  icw_ui_button_set_accessible_name (self->both_button, _("Keep Both"));
  icw_ui_button_set_accessible_name (self->discard_button, _("Discard My Change"));
}

GtkWidget *
icw_conflicts_view_new (IcwSyncController *controller)
{
  IcwConflictsView *self = g_object_new (ICW_TYPE_CONFLICTS_VIEW, NULL);

  self->controller = g_object_ref (controller);
  self->store = g_object_ref (icw_sync_controller_get_store (controller));
  g_signal_connect_swapped (controller, "notify::state", G_CALLBACK (on_state_changed), self);
  icw_conflicts_view_reload (self);
  return GTK_WIDGET (self);
}

GtkWindow *
icw_conflicts_window_new (GtkWindow         *parent,
                          IcwSyncController *controller)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *toasts = adw_toast_overlay_new ();
  GtkWidget *header = adw_header_bar_new ();
  IcwConflictsView *view = ICW_CONFLICTS_VIEW (icw_conflicts_view_new (controller));

  gtk_window_set_title (GTK_WINDOW (window), _("Sync Conflicts"));
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_default_size (GTK_WINDOW (window), 980, 640);
  icw_ui_window_add_close_keys (GTK_WINDOW (window));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), icw_adaptive_bin_back_button_new (view->adaptive));
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (toasts, TRUE);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (toasts), GTK_WIDGET (view));
  gtk_box_append (GTK_BOX (box), toasts);
  adw_window_set_content (ADW_WINDOW (window), box);
  return GTK_WINDOW (window);
}
