/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-record-form.c: the mechanics every editor shares. A binding ties one row to one property.
 * Edits flow row → parse → property → icw_store_save; when parsing or the store refuses, the
 * message goes beside the field, the property goes back to its saved value and the text the user
 * typed stays in the entry to be corrected. Changes made elsewhere (undo, import, another view)
 * flow back through the record's notify signal. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icw-choice-factory.h"
#include "icw-credit-code.h"
#include "icw-error.h"
#include "icw-field-catalogue.h"
#include "icw-field-limits.h"
#include "icw-field-row.h"
#include "icw-form-text.h"
#include "icw-prose-row.h"
#include "icw-record-form.h"
#include "icw-ui-util.h"

typedef struct {
  IcwRecordForm *form;
  const char *property;   /* static strings from the editors */
  IcwFieldKind kind;
  GtkWidget *row;
  GtkSwitch *toggle;      /* the switch of a row from icw_record_form_add_switch () */
} Binding;

struct _IcwRecordForm
{
  GObject parent_instance;

  IcwStore *store;
  IcwMoneyUnit money_unit;
  IcwRecord *record;
  gulong notify_id;
  GPtrArray *bindings;
  gboolean updating;      /* showing the record: the rows' own signals are ignored */
};

G_DEFINE_FINAL_TYPE (IcwRecordForm, icw_record_form, G_TYPE_OBJECT)

static char *
format_value (IcwRecordForm *self,
              Binding       *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get_property (G_OBJECT (self->record), binding->property, &value);
  switch (binding->kind)
    {
    case ICW_FIELD_YEAR:
    case ICW_FIELD_COUNT:
      return g_value_get_int (&value) != 0 || binding->kind == ICW_FIELD_COUNT
             ? g_strdup_printf ("%d", g_value_get_int (&value)) : g_strdup ("");
    case ICW_FIELD_MONEY:
      /* Grouped as the budget's cells are ("10,000.00"); read back with or without the marks. */
      return icw_money_format_locale (g_value_get_int64 (&value), self->money_unit, TRUE);
    case ICW_FIELD_PERCENT:
      return g_value_get_int64 (&value) < 0 ? g_strdup ("")
             : icw_basis_points_format (g_value_get_int64 (&value));
    case ICW_FIELD_TEXT:
    case ICW_FIELD_DATE:
    case ICW_FIELD_CREDIT_CODE:
    default:
      return g_value_dup_string (&value);
    }
}

/* Turns the typed text into the property's value, or says what is wrong with it. */
static gboolean
parse_text (IcwRecordForm  *self,
            Binding        *binding,
            const char     *typed,
            GValue         *value,
            GError        **error)
{
  return icw_form_text_parse (binding->kind, typed, self->money_unit, value, error);
}

/* Sets one property and saves the record; on failure the property keeps its saved value. */
gboolean
icw_record_form_commit (IcwRecordForm  *self,
                        const char     *property,
                        const GValue   *value,
                        GError        **error)
{
  g_auto(GValue) saved = G_VALUE_INIT;
  gboolean ok;

  g_return_val_if_fail (ICW_IS_RECORD_FORM (self), FALSE);
  g_return_val_if_fail (self->record != NULL, FALSE);

  g_object_get_property (G_OBJECT (self->record), property, &saved);
  if (g_param_values_cmp (g_object_class_find_property (G_OBJECT_GET_CLASS (self->record), property),
                          &saved, value) == 0)
    return TRUE;

  self->updating = TRUE;
  g_object_set_property (G_OBJECT (self->record), property, value);
  ok = icw_store_save (self->store, self->record, error);
  if (!ok)
    g_object_set_property (G_OBJECT (self->record), property, &saved);
  self->updating = FALSE;
  return ok;
}

/* What a row's "committed" gives (a field row's or a prose row's): parsed, set and saved; FALSE,
 * with the message to show beside the field in *error, when refused. */
static gboolean
commit_typed (Binding     *binding,
              const char  *text,
              GError     **error)
{
  IcwRecordForm *self = binding->form;
  g_auto(GValue) value = G_VALUE_INIT;

  return parse_text (self, binding, text, &value, error) &&
         icw_record_form_commit (self, binding->property, &value, error);
}

static void
on_text_committed (IcwFieldRow *row,
                   const char  *text,
                   Binding     *binding)
{
  g_autoptr(GError) error = NULL;

  if (binding->form->updating || binding->form->record == NULL)
    return;
  icw_field_row_set_error (row, commit_typed (binding, text, &error) ? NULL : error->message);
}

/* A prose field's edit: as a field row's. */
static void
on_prose_committed (IcwProseRow *row,
                    const char  *text,
                    Binding     *binding)
{
  g_autoptr(GError) error = NULL;

  if (binding->form->updating || binding->form->record == NULL)
    return;
  icw_prose_row_set_error (row, commit_typed (binding, text, &error) ? NULL : error->message);
}

static void
on_choice_selected (AdwComboRow *row,
                    GParamSpec  *pspec,
                    Binding     *binding)
{
  IcwRecordForm *self = binding->form;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->record == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  g_value_init (&value, G_TYPE_UINT);
  g_value_set_uint (&value, selected);
  if (!icw_record_form_commit (self, binding->property, &value, &error))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
    }
}

static void
on_switch_active (GtkSwitch  *toggle,
                  GParamSpec *pspec,
                  Binding    *binding)
{
  IcwRecordForm *self = binding->form;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  if (self->updating || self->record == NULL)
    return;
  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (toggle));
  if (!icw_record_form_commit (self, binding->property, &value, &error))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (binding->row), error->message);
}

static void
show_binding (IcwRecordForm *self,
              Binding       *binding)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (ICW_IS_FIELD_ROW (binding->row))
    {
      g_autofree char *text = format_value (self, binding);
      icw_field_row_set_text (ICW_FIELD_ROW (binding->row), text);
      return;
    }
  if (ICW_IS_PROSE_ROW (binding->row))
    {
      g_autofree char *text = format_value (self, binding);
      icw_prose_row_set_text (ICW_PROSE_ROW (binding->row), text);
      return;
    }

  g_object_get_property (G_OBJECT (self->record), binding->property, &value);
  if (ADW_IS_COMBO_ROW (binding->row))
    adw_combo_row_set_selected (ADW_COMBO_ROW (binding->row), g_value_get_uint (&value));
  else
    gtk_switch_set_active (binding->toggle,
                           g_value_get_boolean (&value));
}

static void
on_record_notify (IcwRecord     *record,
                  GParamSpec    *pspec,
                  IcwRecordForm *self)
{
  if (self->updating)
    return;
  self->updating = TRUE;
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (g_str_equal (binding->property, pspec->name))
        show_binding (self, binding);
    }
  self->updating = FALSE;
}

static GtkStringList *
enum_labels (const IcwColumn *field)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < field->n_values; i++)
    gtk_string_list_append (labels, field->to_label (i));
  return labels;
}

static IcwFieldKind
text_kind (const IcwColumn *field)
{
  if (field->show == ICW_FIELD_SHOW_YEAR)
    return ICW_FIELD_YEAR;
  if (field->show == ICW_FIELD_SHOW_COUNT)
    return ICW_FIELD_COUNT;
  if (field->show == ICW_FIELD_SHOW_MONEY)
    return ICW_FIELD_MONEY;
  if (field->show == ICW_FIELD_SHOW_SHARE)
    return ICW_FIELD_PERCENT;
  if (field->check == icw_field_check_date)
    return ICW_FIELD_DATE;
  if (field->check == icw_field_check_credit_code)
    return ICW_FIELD_CREDIT_CODE;
  return ICW_FIELD_TEXT;
}

GtkWidget *
icw_record_form_add_field (IcwRecordForm   *self,
                           const IcwColumn *field,
                           const char      *title)
{
  g_return_val_if_fail (ICW_IS_RECORD_FORM (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (title == NULL)
    title = icw_field_label (field);
  switch (field->show)
    {
    case ICW_FIELD_SHOW_REFERENCE:
    case ICW_FIELD_SHOW_PART:
      return NULL;
    case ICW_FIELD_SHOW_BOOL:
      return icw_record_form_add_switch (self, field->property, title);
    case ICW_FIELD_SHOW_ENUM:
      return icw_record_form_add_choice (self, field->property, title, enum_labels (field));
    default:
      return icw_record_form_add_text (self, field->property, title, text_kind (field));
    }
}

GtkWidget *
icw_record_form_add_catalogue (IcwRecordForm *self,
                               IcwRecordKind  kind,
                               const char    *property,
                               const char    *title)
{
  guint n = 0;
  const IcwColumn *fields = icw_field_catalogue (kind, &n);

  for (guint i = 0; fields != NULL && i < n; i++)
    if (g_str_equal (fields[i].property, property))
      return icw_record_form_add_field (self, &fields[i], title);
  g_return_val_if_reached (NULL);
}

GtkWidget *
icw_record_form_get_row (IcwRecordForm *self,
                         const char    *property)
{
  g_return_val_if_fail (ICW_IS_RECORD_FORM (self), NULL);

  for (guint i = 0; property != NULL && i < self->bindings->len; i++)
    if (g_str_equal (((Binding *) self->bindings->pdata[i])->property, property))
      return ((Binding *) self->bindings->pdata[i])->row;
  return NULL;
}

static gboolean
has_row_for (IcwRecordForm *self,
             const char    *property)
{
  return icw_record_form_get_row (self, property) != NULL;
}

void
icw_record_form_add_other_fields (IcwRecordForm       *self,
                                  IcwRecordKind        kind,
                                  AdwPreferencesGroup *group,
                                  const char * const  *skip)
{
  guint n;
  const IcwColumn *fields = icw_field_catalogue (kind, &n);

  g_return_if_fail (ICW_IS_RECORD_FORM (self));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row;

      if (has_row_for (self, fields[i].property) || (skip != NULL && g_strv_contains (skip, fields[i].name)))
        continue;
      row = icw_record_form_add_field (self, &fields[i], NULL);
      if (row != NULL)
        adw_preferences_group_add (group, row);
    }
}

void
icw_record_form_flush (IcwRecordForm *self)
{
  g_return_if_fail (ICW_IS_RECORD_FORM (self));

  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      if (ICW_IS_FIELD_ROW (binding->row))
        icw_field_row_flush (ICW_FIELD_ROW (binding->row));
      else if (ICW_IS_PROSE_ROW (binding->row))
        icw_prose_row_flush (ICW_PROSE_ROW (binding->row));
    }
}

void
icw_record_form_set_record (IcwRecordForm *self,
                            IcwRecord     *record)
{
  g_return_if_fail (ICW_IS_RECORD_FORM (self));

  if (self->record == record)
    return;
  /* What was typed for the previous record is saved to it before switching. */
  icw_record_form_flush (self);
  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_set_object (&self->record, record);
  if (record == NULL)
    return;

  self->notify_id = g_signal_connect (record, "notify", G_CALLBACK (on_record_notify), self);
  self->updating = TRUE;
  for (guint i = 0; i < self->bindings->len; i++)
    {
      Binding *binding = g_ptr_array_index (self->bindings, i);

      /* A new record: drop what was shown, errors included (the old record's edits were flushed). */
      if (ICW_IS_FIELD_ROW (binding->row))
        icw_field_row_reset (ICW_FIELD_ROW (binding->row));
      else if (ICW_IS_PROSE_ROW (binding->row))
        icw_prose_row_reset (ICW_PROSE_ROW (binding->row));
      show_binding (self, binding);
    }
  self->updating = FALSE;
}

IcwRecord *
icw_record_form_get_record (IcwRecordForm *self)
{
  g_return_val_if_fail (ICW_IS_RECORD_FORM (self), NULL);
  return self->record;
}

/* A row added to a form that shows a record shows that record's value at once. */
static void
show_if_record (IcwRecordForm *self,
                Binding       *binding)
{
  if (self->record == NULL)
    return;
  self->updating = TRUE;
  show_binding (self, binding);
  self->updating = FALSE;
}

static Binding *
add_binding (IcwRecordForm *self,
             const char    *property,
             IcwFieldKind   kind,
             GtkWidget     *row)
{
  Binding *binding = g_new0 (Binding, 1);

  binding->form = self;
  binding->property = property;
  binding->kind = kind;
  binding->row = row;
  g_ptr_array_add (self->bindings, binding);
  return binding;
}

GtkWidget *
icw_record_form_add_prose (IcwRecordForm *self,
                           const char    *property,
                           const char    *title)
{
  GtkWidget *row = icw_prose_row_new (title);
  Binding *binding = add_binding (self, property, ICW_FIELD_TEXT, row);

  g_signal_connect (row, "committed", G_CALLBACK (on_prose_committed), binding);
  show_if_record (self, binding);
  return row;
}

GtkWidget *
icw_record_form_add_text (IcwRecordForm *self,
                          const char    *property,
                          const char    *title,
                          IcwFieldKind   kind)
{
  GtkWidget *row;
  Binding *binding;
  IcwFieldClass field_class;

  /* Prose (a text whose class allows line breaks: exit rules, clauses) is shown whole. */
  if (kind == ICW_FIELD_TEXT && icw_field_class_for_property (property, &field_class, NULL)
      && field_class == ICW_FIELD_CLASS_TEXT)
    return icw_record_form_add_prose (self, property, title);
  row = icw_field_row_new (title, NULL);
  binding = add_binding (self, property, kind, row);

  /* The entry stops at the store's limit (icw-field-limits.h), so over-long input is never typed. */
  if (kind == ICW_FIELD_TEXT && icw_field_class_for_property (property, &field_class, NULL))
    gtk_entry_set_max_length (GTK_ENTRY (icw_field_row_get_editable (ICW_FIELD_ROW (row))),
                              (int) icw_field_class_max_chars (field_class));
  if (kind == ICW_FIELD_DATE)
    gtk_entry_set_placeholder_text (GTK_ENTRY (icw_field_row_get_editable (ICW_FIELD_ROW (row))), _("YYYY-MM-DD"));
  else if (kind == ICW_FIELD_MONEY)
    icw_field_row_set_hint (ICW_FIELD_ROW (row), icw_money_unit_symbol (self->money_unit));
  else if (kind == ICW_FIELD_PERCENT)
    icw_field_row_set_hint (ICW_FIELD_ROW (row), _("Percent, e.g. 3.25"));
  g_signal_connect (row, "committed", G_CALLBACK (on_text_committed), binding);
  show_if_record (self, binding);
  return row;
}

GtkWidget *
icw_record_form_add_choice (IcwRecordForm *self,
                            const char    *property,
                            const char    *title,
                            GtkStringList *labels)
{
  GtkWidget *row = adw_combo_row_new ();
  Binding *binding = add_binding (self, property, ICW_FIELD_TEXT, row);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The chosen value beside the title, whole: it wraps there when long. */
  icw_choice_factory_apply (ADW_COMBO_ROW (row));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_object_unref (labels);
  g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_selected), binding);
  show_if_record (self, binding);
  return row;
}

GtkWidget *
icw_record_form_add_switch (IcwRecordForm *self,
                            const char    *property,
                            const char    *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  Binding *binding = add_binding (self, property, ICW_FIELD_TEXT, row);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  /* The row names the switch (labelled by its title: a label of its own would be said twice)
   * and the switch is its only Tab stop. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  icw_ui_row_skip_tab (row);
  binding->toggle = GTK_SWITCH (toggle);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_switch_active), binding);
  show_if_record (self, binding);
  return row;
}

static void
icw_record_form_dispose (GObject *object)
{
  IcwRecordForm *self = ICW_RECORD_FORM (object);

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_clear_object (&self->record);
  g_clear_object (&self->store);
  g_clear_pointer (&self->bindings, g_ptr_array_unref);

  G_OBJECT_CLASS (icw_record_form_parent_class)->dispose (object);
}

static void
icw_record_form_class_init (IcwRecordFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = icw_record_form_dispose;
}

static void
icw_record_form_init (IcwRecordForm *self)
{
  self->bindings = g_ptr_array_new_with_free_func (g_free);
}

IcwRecordForm *
icw_record_form_new (IcwStore     *store,
                     IcwMoneyUnit  money_unit)
{
  IcwRecordForm *self = g_object_new (ICW_TYPE_RECORD_FORM, NULL);

  self->store = g_object_ref (store);
  self->money_unit = money_unit;
  return self;
}
