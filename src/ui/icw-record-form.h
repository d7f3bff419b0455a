/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-record-form.h: binds form rows to a record's properties: each edit is parsed, set on the
 * record and saved at once; a refused value is shown beside its field and the record keeps its
 * saved value. */
#pragma once

#include <adwaita.h>

#include "icw-form-text.h"
#include "icw-money.h"
#include "icw-store.h"

G_BEGIN_DECLS

#define ICW_TYPE_RECORD_FORM (icw_record_form_get_type ())

G_DECLARE_FINAL_TYPE (IcwRecordForm, icw_record_form, ICW, RECORD_FORM, GObject)

IcwRecordForm *icw_record_form_new        (IcwStore      *store,
                                           IcwMoneyUnit   money_unit);
void           icw_record_form_set_record (IcwRecordForm *self,
                                           IcwRecord     *record);
IcwRecord     *icw_record_form_get_record (IcwRecordForm *self);
/* The row of @kind's catalogue field whose property is @property (icw_record_form_add_field). */
GtkWidget     *icw_record_form_add_catalogue (IcwRecordForm *self,
                                              IcwRecordKind  kind,
                                              const char    *property,
                                              const char    *title);
/* The row bound to @property (the first, if several), or NULL. */
GtkWidget     *icw_record_form_get_row    (IcwRecordForm *self,
                                           const char    *property);
GtkWidget     *icw_record_form_add_text   (IcwRecordForm *self,
                                           const char    *property,
                                           const char    *title,
                                           IcwFieldKind   kind);
/* A row for prose (IcwProseRow: a text area shown whole); icw_record_form_add_text gives one for
 * every text whose class allows line breaks (ICW_FIELD_CLASS_TEXT). */
GtkWidget     *icw_record_form_add_prose  (IcwRecordForm *self,
                                           const char    *property,
                                           const char    *title);
GtkWidget     *icw_record_form_add_choice (IcwRecordForm *self,
                                           const char    *property,
                                           const char    *title,
                                           GtkStringList *labels);
GtkWidget     *icw_record_form_add_switch (IcwRecordForm *self,
                                           const char    *property,
                                           const char    *title);
/* The row of a catalogue field (icw-field-catalogue.h) as the catalogue describes it, titled with
 * its label unless title is given; NULL for references and structured parts, which have pickers
 * and views of their own. */
GtkWidget     *icw_record_form_add_field  (IcwRecordForm   *self,
                                           const IcwColumn *field,
                                           const char      *title);
/* Adds to group the rows of the kind's catalogue fields that no row of the form shows yet, but
 * those named in skip (NULL-terminated, or NULL): a field added to the catalogue appears in the
 * editor with no code of its own. Call it once every row of the editor is in place. A row added
 * while the form shows a record shows that record's value. */
void           icw_record_form_add_other_fields (IcwRecordForm       *self,
                                                 IcwRecordKind        kind,
                                                 AdwPreferencesGroup *group,
                                                 const char * const  *skip);
void           icw_record_form_flush      (IcwRecordForm *self);
gboolean       icw_record_form_commit     (IcwRecordForm *self,
                                           const char    *property,
                                           const GValue  *value,
                                           GError       **error);

G_END_DECLS
