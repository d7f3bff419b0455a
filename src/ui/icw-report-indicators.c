/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-report-indicators.c: the 考核指标 grid (icw-report-indicators.h). The rows are the report's
 * own (made from the 任务书 when the report was created), so the grid is rebuilt when another
 * report is shown and otherwise only edited in place. An actual is a plain decimal number; a bad
 * one is marked on its cell with a message that names the indicator, and nothing is saved until
 * it is fixed (what was saved before stays). The difference follows each keystroke. Every
 * control is named after its indicator for screen readers ("Actual, 发明专利"). */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "icw-attachment.h"
#include "icw-edit-commit.h"
#include "icw-indicator-chart-data.h"
#include "icw-indicator-chart-view.h"
#include "icw-report-actuals.h"
#include "icw-report-indicators.h"
#include "icw-report-parts.h"
#include "icw-store-reports.h"
#include "icw-ui-util.h"

enum { COL_NAME, COL_UNIT, COL_TARGET, COL_ACTUAL, COL_DIFFERENCE, COL_EVIDENCE, COL_COMMENT, N_COLS };

typedef struct {
  char      *key;
  GtkWidget *actual;       /* an entry, or a label when computed */
  GtkWidget *difference;
  GtkWidget *evidence;     /* the count's label */
  GtkWidget *attach;
  GtkWidget *comment;
  GtkWidget *chart;
} Row;

struct _IcwReportIndicators
{
  GtkBox parent_instance;

  IcwStore  *store;
  IcwReport *report;
  GPtrArray *rows;         /* Row */
  GtkGrid   *grid;
  GtkWidget *charts;       /* a GtkFlowBox */
  GtkLabel  *message;
  GtkWidget *empty;
  gboolean   editable;
  gboolean   loading;
  gboolean   dirty;
  guint      save_source;
  IcwEditCommitWatch *close_watch;
  GtkFileChooserNative *chooser;
  char      *choosing;     /* the key of the row the chooser attaches to */
};

G_DEFINE_FINAL_TYPE (IcwReportIndicators, icw_report_indicators, GTK_TYPE_BOX)

static void
row_free (Row *row)
{
  g_free (row->key);
  g_free (row);
}

static char *
format_number (gboolean has,
               double   value)
{
  return has ? icw_chart_format_value (value) : g_strdup ("—");
}

/* A decimal number: "12", "12.5", "-3", with a '.' or a full-width "．". */
static gboolean
parse_number (const char *text,
              double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_autoptr(GString) ascii = g_string_new (NULL);
  char *end = NULL;

  for (const char *p = copy; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF0E)
        g_string_append_c (ascii, '.');
      else if (c == ',' || c == 0xFF0C)
        continue;   /* digit grouping */
      else
        g_string_append_unichar (ascii, c);
    }
  if (ascii->len == 0)
    return FALSE;
  *out = g_ascii_strtod (ascii->str, &end);
  return end != NULL && *end == '\0' && isfinite (*out);
}

static GPtrArray *
parsed_rows (IcwReportIndicators *self)
{
  if (self->report == NULL)
    return NULL;
  return icw_report_rows_parse (icw_report_get_indicators (self->report), NULL);
}

static void
set_message (IcwReportIndicators *self,
             const char          *message)
{
  gtk_label_set_text (self->message, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

static void
show_difference (Row                *view,
                 const IcwReportRow *row)
{
  g_autofree char *text = NULL;

  if (row->has_target && row->has_actual)
    {
      g_autofree char *number = icw_chart_format_value (fabs (row->actual - row->target));

      text = g_strdup_printf ("%s%s", row->actual < row->target ? "−" : "+", number);
    }
  gtk_label_set_text (GTK_LABEL (view->difference), text != NULL ? text : "—");
  if (icw_report_row_missed (row))
    gtk_widget_add_css_class (view->difference, "error");
  else
    gtk_widget_remove_css_class (view->difference, "error");
}

static Row *
find_view (IcwReportIndicators *self,
           const char          *key)
{
  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (((Row *) self->rows->pdata[i])->key, key) == 0)
      return self->rows->pdata[i];
  return NULL;
}

static void
refresh_charts (IcwReportIndicators *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *view = self->rows->pdata[i];
      g_autoptr(IcwChart) chart = icw_indicator_chart_for_report (self->store, self->report, view->key);

      icw_indicator_chart_view_set_chart (ICW_INDICATOR_CHART_VIEW (view->chart), chart);
    }
}

/* Reads the typed cells into the rows; NULL with a message naming the indicator when one is bad. */
static GPtrArray *
collect (IcwReportIndicators *self,
         GtkWidget          **bad)
{
  g_autoptr(GPtrArray) rows = parsed_rows (self);

  *bad = NULL;
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    {
      IcwReportRow *row = rows->pdata[i];
      Row *view = find_view (self, row->key);
      const char *text;
      g_autofree char *trimmed = NULL;

      if (view == NULL)
        continue;
      g_free (row->comment);
      row->comment = g_strdup (gtk_editable_get_text (GTK_EDITABLE (view->comment)));
      if (*row->comment == '\0')
        g_clear_pointer (&row->comment, g_free);
      if (row->computed)
        continue;
      text = gtk_editable_get_text (GTK_EDITABLE (view->actual));
      gtk_widget_remove_css_class (view->actual, "error");
      trimmed = g_strstrip (g_strdup (text));
      if (*trimmed == '\0')
        row->has_actual = FALSE;
      else if (parse_number (text, &row->actual))
        row->has_actual = TRUE;
      else
        {
          g_autofree char *message = g_strdup_printf (_("The actual of “%s” must be a number, not “%s”."), row->name, text);

          gtk_widget_add_css_class (view->actual, "error");
          set_message (self, message);
          *bad = view->actual;
          return NULL;
        }
      show_difference (view, row);
    }
  return g_steal_pointer (&rows);
}

static void
save (IcwReportIndicators *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *before = NULL;
  GtkWidget *bad;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->report == NULL)
    return;
  self->dirty = FALSE;
  rows = collect (self, &bad);
  if (rows == NULL)
    return;
  set_message (self, NULL);
  json = icw_report_rows_to_json (rows);
  before = g_strdup (icw_report_get_indicators (self->report));
  if (g_strcmp0 (json, before) == 0)
    return;
  self->loading = TRUE;
  icw_report_set_indicators (self->report, json);
  if (!icw_store_save (self->store, ICW_RECORD (self->report), &error))
    {
      icw_report_set_indicators (self->report, before);
      set_message (self, error->message);
    }
  self->loading = FALSE;
  refresh_charts (self);
}

void
icw_report_indicators_flush (IcwReportIndicators *self)
{
  g_return_if_fail (ICW_IS_REPORT_INDICATORS (self));
  save (self);
}

static gboolean
save_timeout (gpointer data)
{
  IcwReportIndicators *self = data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
on_cell_changed (IcwReportIndicators *self)
{
  GtkWidget *bad;
  g_autoptr(GPtrArray) rows = NULL;

  if (self->loading)
    return;
  self->dirty = TRUE;
  /* The differences follow each keystroke; a bad number says so at once. */
  rows = collect (self, &bad);
  if (rows != NULL)
    set_message (self, NULL);
  icw_edit_commit_schedule (&self->save_source, save_timeout, self);
}

/* Evidence */

static guint
count_evidence (const IcwReportRow *row)
{
  return row->evidence != NULL ? g_strv_length (row->evidence) : 0;
}

static void
show_evidence (Row                *view,
               const IcwReportRow *row)
{
  guint n = count_evidence (row);
  g_autofree char *text = n == 0 ? g_strdup (_("None")) : g_strdup_printf (ngettext ("%u file", "%u files", n), n);

  gtk_label_set_text (GTK_LABEL (view->evidence), text);
}

gboolean
icw_report_indicators_attach (IcwReportIndicators *self,
                              const char          *key,
                              GFile               *file,
                              GError             **error)
{
  g_autoptr(GBytes) content = NULL;
  g_autoptr(IcwAttachment) attachment = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *json = NULL;
  IcwReportRow *row;
  Row *view = find_view (self, key);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  g_return_val_if_fail (ICW_IS_REPORT_INDICATORS (self), FALSE);
  icw_report_indicators_flush (self);
  rows = parsed_rows (self);
  row = rows != NULL ? icw_report_rows_find (rows, key) : NULL;
  if (row == NULL || view == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The report has no indicator “%s”."), key);
      return FALSE;
    }
  content = g_file_load_bytes (file, NULL, NULL, error);
  if (content == NULL)
    return FALSE;
  attachment = icw_store_add_report_attachment (self->store, self->report, name, ICW_ATTACHMENT_KIND_OTHER, content, error);
  if (attachment == NULL)
    return FALSE;
  g_strv_builder_addv (ids, (const char **) row->evidence);
  g_strv_builder_add (ids, icw_record_get_id (ICW_RECORD (attachment)));
  g_strfreev (row->evidence);
  row->evidence = g_strv_builder_end (ids);
  json = icw_report_rows_to_json (rows);
  icw_report_set_indicators (self->report, json);
  if (!icw_store_save (self->store, ICW_RECORD (self->report), error))
    return FALSE;
  show_evidence (view, row);
  return TRUE;
}

static void
on_file_chosen (GtkNativeDialog     *chooser,
                int                  response,
                IcwReportIndicators *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && self->choosing != NULL && !icw_report_indicators_attach (self, self->choosing, file, &error))
    icw_ui_report_error (GTK_WIDGET (self), error);
  g_clear_pointer (&self->choosing, g_free);
  g_clear_object (&self->chooser);
}

static void
on_attach_clicked (GtkButton           *button,
                   IcwReportIndicators *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_free (self->choosing);
  self->choosing = g_strdup (gtk_widget_get_name (GTK_WIDGET (button)));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Attach Evidence"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Building */

static GtkWidget *
cell_label (const char *text,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  return label;
}

/* Names a cell for screen readers; takes the name. */
static void
name_widget (GtkWidget *widget,
             char      *name)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_free (name);
}

static void
add_header (IcwReportIndicators *self)
{
  const char *titles[N_COLS] = { _("Indicator"), _("Unit"), _("Target"), _("Actual"), _("Difference"),
                                 _("Evidence"), _("Comment where missed") };

  for (guint c = 0; c < N_COLS; c++)
    {
      GtkWidget *label = cell_label (titles[c], c == COL_NAME || c == COL_COMMENT || c == COL_EVIDENCE ? 0 : 1);

      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->grid, label, (int) c, 0, 1, 1);
    }
}

static void
add_row (IcwReportIndicators *self,
         const IcwReportRow  *row,
         int                  y)
{
  Row *view = g_new0 (Row, 1);
  const char *name = row->name != NULL ? row->name : row->key;
  g_autofree char *target = format_number (row->has_target, row->target);
  GtkWidget *evidence_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  view->key = g_strdup (row->key);
  gtk_grid_attach (self->grid, cell_label (name, 0), COL_NAME, y, 1, 1);
  gtk_grid_attach (self->grid, cell_label (row->unit != NULL ? row->unit : "", 1), COL_UNIT, y, 1, 1);
  gtk_grid_attach (self->grid, cell_label (target, 1), COL_TARGET, y, 1, 1);
  if (row->computed)
    {
      g_autofree char *actual = format_number (row->has_actual, row->actual);
      /* TRANSLATORS: an actual taken from the registers, e.g. "12 (computed)" */
      g_autofree char *text = g_strdup_printf (_("%s (computed)"), actual);

      view->actual = cell_label (text, 1);
      gtk_widget_set_tooltip_text (view->actual, _("Computed from the center's registers: change them there."));
      gtk_widget_add_css_class (view->actual, "dim-label");
    }
  else
    {
      g_autofree char *actual = row->has_actual ? icw_chart_format_value (row->actual) : g_strdup ("");

      view->actual = gtk_entry_new ();
      gtk_editable_set_text (GTK_EDITABLE (view->actual), actual);
      gtk_editable_set_width_chars (GTK_EDITABLE (view->actual), 8);
      gtk_entry_set_alignment (GTK_ENTRY (view->actual), 1);
      gtk_entry_set_input_purpose (GTK_ENTRY (view->actual), GTK_INPUT_PURPOSE_NUMBER);
      g_signal_connect_object (view->actual, "changed", G_CALLBACK (on_cell_changed), self, G_CONNECT_SWAPPED);
    }
  name_widget (view->actual, g_strdup_printf (_("Actual, %s"), name));
  gtk_grid_attach (self->grid, view->actual, COL_ACTUAL, y, 1, 1);
  view->difference = cell_label ("—", 1);
  name_widget (view->difference, g_strdup_printf (_("Difference, %s"), name));
  gtk_grid_attach (self->grid, view->difference, COL_DIFFERENCE, y, 1, 1);
  view->evidence = cell_label ("", 0);
  view->attach = gtk_button_new_with_label (_("Attach…"));
  gtk_widget_set_name (view->attach, row->key);
  name_widget (view->attach, g_strdup_printf (_("Attach evidence, %s"), name));
  g_signal_connect_object (view->attach, "clicked", G_CALLBACK (on_attach_clicked), self, 0);
  gtk_box_append (GTK_BOX (evidence_box), view->attach);
  gtk_box_append (GTK_BOX (evidence_box), view->evidence);
  gtk_grid_attach (self->grid, evidence_box, COL_EVIDENCE, y, 1, 1);
  view->comment = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (view->comment), row->comment != NULL ? row->comment : "");
  gtk_widget_set_hexpand (view->comment, TRUE);
  name_widget (view->comment, g_strdup_printf (_("Comment, %s"), name));
  g_signal_connect_object (view->comment, "changed", G_CALLBACK (on_cell_changed), self, G_CONNECT_SWAPPED);
  gtk_grid_attach (self->grid, view->comment, COL_COMMENT, y, 1, 1);
  show_difference (view, row);
  show_evidence (view, row);
  view->chart = icw_indicator_chart_view_new ();
  gtk_flow_box_append (GTK_FLOW_BOX (self->charts), view->chart);
  g_ptr_array_add (self->rows, view);
}

static void
clear (IcwReportIndicators *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  while ((child = gtk_widget_get_first_child (self->charts)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->charts), child);
  g_ptr_array_set_size (self->rows, 0);
}

static void
set_cells_editable (IcwReportIndicators *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *view = self->rows->pdata[i];

      if (GTK_IS_EDITABLE (view->actual))
        gtk_editable_set_editable (GTK_EDITABLE (view->actual), self->editable);
      gtk_editable_set_editable (GTK_EDITABLE (view->comment), self->editable);
      gtk_widget_set_sensitive (view->attach, self->editable);
    }
}

/* A draft takes the registers' figures as they stand now (a filed report keeps its own): saved
 * when they changed, so the grid, the check and the PDF show the same. */
static void
apply_computed (IcwReportIndicators *self)
{
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;

  if (self->report == NULL || icw_report_get_status (self->report) != ICW_APPLICATION_STATUS_DRAFT)
    return;
  before = g_strdup (icw_report_get_indicators (self->report));
  if (icw_report_apply_computed_actuals (self->store, self->report, &error) < 0 ||
      g_strcmp0 (before, icw_report_get_indicators (self->report)) == 0)
    return;
  if (!icw_store_save (self->store, ICW_RECORD (self->report), &error))
    {
      icw_report_set_indicators (self->report, before);
      g_warning ("%s", error->message);
    }
}

void
icw_report_indicators_set_report (IcwReportIndicators *self,
                                  IcwReport           *report)
{
  g_autoptr(GPtrArray) rows = NULL;

  g_return_if_fail (ICW_IS_REPORT_INDICATORS (self));
  save (self);
  g_set_object (&self->report, report);
  apply_computed (self);
  self->loading = TRUE;
  clear (self);
  set_message (self, NULL);
  rows = parsed_rows (self);
  if (rows != NULL && rows->len > 0)
    {
      add_header (self);
      for (guint i = 0; i < rows->len; i++)
        add_row (self, rows->pdata[i], (int) i + 1);
    }
  gtk_widget_set_visible (self->empty, rows == NULL || rows->len == 0);
  set_cells_editable (self);
  self->loading = FALSE;
  if (report != NULL)
    refresh_charts (self);
}

void
icw_report_indicators_set_editable (IcwReportIndicators *self,
                                    gboolean             editable)
{
  g_return_if_fail (ICW_IS_REPORT_INDICATORS (self));
  self->editable = editable;
  set_cells_editable (self);
}

gboolean
icw_report_indicators_focus (IcwReportIndicators *self,
                             const char          *key)
{
  Row *view = key != NULL ? find_view (self, key) : NULL;
  guint64 n = 0;

  /* A finding names its row by number from 1 ("indicators/2"). */
  if (view == NULL && key != NULL && g_ascii_string_to_unsigned (key, 10, 1, self->rows->len, &n, NULL))
    view = self->rows->pdata[n - 1];
  if (view == NULL && self->rows->len > 0)
    view = self->rows->pdata[0];
  return view != NULL && gtk_widget_grab_focus (view->actual);
}

GtkWidget *
icw_report_indicators_get_cell (IcwReportIndicators *self,
                                const char          *key,
                                const char          *what)
{
  Row *view = find_view (self, key);

  if (view == NULL)
    return NULL;
  if (g_str_equal (what, "actual"))
    return view->actual;
  if (g_str_equal (what, "difference"))
    return view->difference;
  if (g_str_equal (what, "evidence"))
    return view->evidence;
  if (g_str_equal (what, "comment"))
    return view->comment;
  if (g_str_equal (what, "chart"))
    return view->chart;
  return NULL;
}

const char *
icw_report_indicators_get_message (IcwReportIndicators *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->message)) ? gtk_label_get_text (self->message) : NULL;
}

static void
icw_report_indicators_dispose (GObject *object)
{
  IcwReportIndicators *self = ICW_REPORT_INDICATORS (object);

  if (self->report != NULL)
    save (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_pointer (&self->close_watch, icw_edit_commit_watch_free);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  G_OBJECT_CLASS (icw_report_indicators_parent_class)->dispose (object);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->choosing, g_free);
  g_clear_object (&self->report);
  g_clear_object (&self->store);
}

static void
icw_report_indicators_class_init (IcwReportIndicatorsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_report_indicators_dispose;
}

static void
icw_report_indicators_init (IcwReportIndicators *self)
{
  GtkWidget *charts_title = gtk_label_new (_("Target and Actual by Year"));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 12);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->empty = gtk_label_new (_("The center has no targets for this year: carry them from its accepted application first."));
  gtk_label_set_wrap (GTK_LABEL (self->empty), TRUE);
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_box_append (GTK_BOX (self), self->empty);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 12);
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Assessment indicators (考核指标)"), -1);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->grid));
  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->message));
  gtk_label_set_xalign (GTK_LABEL (charts_title), 0);
  gtk_widget_add_css_class (charts_title, "heading");
  gtk_box_append (GTK_BOX (self), charts_title);
  self->charts = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->charts), GTK_SELECTION_NONE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->charts), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->charts), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->charts), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->charts), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->charts), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Indicator charts"), -1);
  gtk_box_append (GTK_BOX (self), self->charts);
}

GtkWidget *
icw_report_indicators_new (IcwStore *store)
{
  IcwReportIndicators *self = g_object_new (ICW_TYPE_REPORT_INDICATORS, NULL);

  self->store = g_object_ref (store);
  self->close_watch = icw_edit_commit_watch_close (GTK_WIDGET (self), (IcwEditFlushFunc) icw_report_indicators_flush);
  return GTK_WIDGET (self);
}
