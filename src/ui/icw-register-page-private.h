/* SPDX-License-Identifier: GPL-3.0-or-later */
/* icw-register-page-private.h: what the register page's files share: the page's fields, what
 * differs between the kinds of record (an IcwRegisterKind, described in icw-register-page-kinds.c),
 * and the parts that icw-register-page.c (the page, its list and its editor),
 * icw-register-page-search.c (the search and the query's rows shown) and the kinds call in each
 * other. */
#pragma once

#include "icw-adaptive-bin.h"
#include "icw-frame-batches.h"
#include "icw-register-page.h"
#include "icw-store-list-filter.h"

G_BEGIN_DECLS

typedef struct {
  IcwRecordKind kind;
  GType       (*get_type) (void);
  const char   *name_property;   /* shown, sorted and (without a full-text index) searched */
  gboolean      full_text;       /* the store has a full-text index of the names */
  const char   *search_placeholder;
  const char   *empty_title;
  const char   *empty_description;
  const char   *select_title;
  const char   *new_name;
  char       *(*subtitle)     (IcwStore *store, IcwRecord *record);
  void        (*show_record)  (GtkWidget *editor, IcwRecord *record);
  void        (*focus_editor) (GtkWidget *editor);
  void        (*create)       (IcwRegisterPage *page);   /* NULL: a record with the new name */
} IcwRegisterKind;

struct _IcwRegisterPage
{
  GtkBox parent_instance;

  const IcwRegisterKind *kind;
  IcwStore *store;
  GListModel *records;
  GtkCustomFilter *filter;          /* the kinds without a compact list */
  IcwStoreListFilter *found;        /* the registers: the records the search found */
  GHashTable *matches;        /* IDs the search found; NULL shows all (no compact list) */
  GCancellable *search_cancellable; /* the register's search under way */
  gboolean searching;               /* the register shows a search's result */
  char *shown_query;                /* the registers: the query found shows (NULL: all) */
  GtkSingleSelection *selection;
  GtkListView *view;
  guint scroll_source;              /* after a new query's first frame (after_found_frame) */
  guint scroll_position;
  gboolean scroll_pending;          /* back to the whole register: to the selected row */
  GdkFrameClock *paint_clock;       /* waited on for the frame of a new query's first rows */
  guint clear_source;               /* the search cleared: the whole register, in an idle */
  GtkSearchEntry *search;
  GtkStack *content;
  IcwAdaptiveBin *adaptive;         /* the list | the editor */
  GtkWidget *editor_slot;           /* the stack's "editor" child: holds the editor once made */
  GtkWidget *editor;                /* made after the window's first frame (ensure_editor) */
  GtkWidget *(*editor_new) (IcwRegisterPage *self);
  IcwMoneyUnit money_unit;
  GSettings *settings;
  guint first_show_source;
  gboolean shown_once;
  gboolean first_screen;            /* until the page's first frame: the filter shows a screenful */
  guint first_screen_source;
  GCancellable *rest_cancellable;   /* the rest of the register read after the first frame */
  IcwFrameBatches *rest_batches;    /* the rest added after the frame that draws the editor */
  gboolean rest_waits_a_frame;      /* the rest's first batch: that frame, nothing added */
};

/* Before its first allocation GTK 4.8's list view makes, binds and measures a row for each of
 * up to 200 items, as it cannot know how many will show; a new query's result shows this many rows
 * until its first frame, which fills any screen, and all of them from the idle after it (a
 * register's first frame shows fewer: ROW_MIN_HEIGHT). */
#define FIRST_SCREENFUL 64

extern const IcwRegisterKind icw_register_page_center_kind;
extern const IcwRegisterKind icw_register_page_organization_kind;
extern const IcwRegisterKind icw_register_page_application_kind;
extern const IcwRegisterKind icw_register_page_agreement_kind;
extern const IcwRegisterKind icw_register_page_funding_kind;

/* icw-register-page.c */
void     icw_register_page_show_state             (IcwRegisterPage *self);
void     icw_register_page_release_first_screen   (IcwRegisterPage *self);
void     icw_register_page_save_new_record        (IcwRegisterPage *self,
                                                   IcwRecord       *record);

/* icw-register-page-search.c */
gboolean icw_register_page_filter_record          (gpointer         item,
                                                   gpointer         user_data);
void     icw_register_page_search_changed         (IcwRegisterPage *self);
void     icw_register_page_record_changed         (IcwRegisterPage *self,
                                                   IcwRecord       *record);
void     icw_register_page_show_whole             (IcwRegisterPage *self);
void     icw_register_page_stop_waiting_for_paint (IcwRegisterPage *self);

G_END_DECLS
