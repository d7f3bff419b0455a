# SPDX-License-Identifier: GPL-3.0-or-later
# data/completion/icw.bash: bash completion for the icw command line, installed by data/meson.build
# as "icw" into bash-completion's completions directory (loaded on demand when icw is first
# completed). It completes the commands, their words (list's record kinds, serve token add,
# export's formats), the options each command takes and their fixed values, file names where
# a file is expected, and the IDs of the records in the database (of the --db given, if any) after
# show, check, export, ready, submit and reopen (and the centers after targets, the applications
# after targets carry), read from `icw list KIND --json` (the command as
# typed, so a build tree's icw completes from its own database). It needs only bash, not
# bash-completion's helper functions.
# tests/test-cli-help.py checks that it knows every command of src/cli/icw-main.c's dispatch
# table, every list kind and every export format.

# The IDs of the records of the kinds given, from `icw [--db PATH] list KIND --json` ("id" is the
# first member of each record; other members end in _id).
_icw_ids ()
{
  local program=$1 db=$2 kind
  shift 2
  for kind in "$@"; do
    if [ -n "$db" ]; then
      "$program" --db "$db" list "$kind" --json 2>/dev/null
    else
      "$program" list "$kind" --json 2>/dev/null
    fi
  done | sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p'
}

_icw ()
{
  local cur prev command="" i word
  local commands="import list show check new targets doctor sample export dossier-schema ready submit reopen sync review serve"
  local db=""
  COMPREPLY=()
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=""
  if [ "$COMP_CWORD" -gt 0 ]; then
    prev=${COMP_WORDS[COMP_CWORD - 1]}
  fi

  # The command is the first word that is neither an option nor an option's value.
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    case "$word" in
      --db)
        db=${COMP_WORDS[i + 1]}
        ((i++)) ;;
      --kind | --format | --output | -o | --server | --database | --address | --port | \
        --tls-cert | --tls-key | --access-log | --role | --center | --province | --comment | --section | --field | --grade | --year)
        ((i++)) ;;
      -*) ;;
      *)
        command=$word
        break
        ;;
    esac
  done

  case "$prev" in
    --db | --output | -o | --tls-cert | --tls-key | --access-log)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return 0
      ;;
    --kind)
      if [ "$command" = new ]; then
        if [[ " ${COMP_WORDS[*]} " == *" report "* ]]; then
          mapfile -t COMPREPLY < <(compgen -W "annual-assessment evaluation" -- "$cur")
        else
          mapfile -t COMPREPLY < <(compgen -W "cultivation acceptance upgrade-to-national national-local" -- "$cur")
        fi
      else
        mapfile -t COMPREPLY < <(compgen -W "centers organizations" -- "$cur")
      fi
      return 0
      ;;
    --format)
      mapfile -t COMPREPLY < <(compgen -W "json csv xlsx pdf docx" -- "$cur")
      return 0
      ;;
    --role)
      mapfile -t COMPREPLY < <(compgen -W "admin reviewer" -- "$cur")
      return 0
      ;;
    --grade)
      mapfile -t COMPREPLY < <(compgen -W "优秀 良好 合格 不合格 excellent good pass fail" -- "$cur")
      return 0
      ;;
    --server | --database | --address | --port | --center | --province | --comment | --section | --field | --grade | --year)
      return 0
      ;;
    --version)
      [ "$command" = targets ] && return 0
      ;;
  esac

  local options="--db --help"
  case "$command" in
    "") options="--db --help --version" ;;
    import) options+=" --kind" ;;
    new) options+=" --center --year --kind" ;;
    targets) options+=" --version --json" ;;
    list | show | check) options+=" --json" ;;
    export) options+=" --format --output -o --all" ;;
    sync | ready | submit | reopen) options+=" --server" ;;
    review) options+=" --server --json --all --comment --section --field --grade" ;;
    serve) options+=" --database --address --port --tls-cert --tls-key --access-log --role --center --province" ;;
  esac
  if [[ "$cur" == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return 0
  fi

  # The words after the command, counted without the options (the first kept: targets carry).
  local n=0 first=""
  for ((i = i + 1; i < COMP_CWORD; i++)); do
    case "${COMP_WORDS[i]}" in
      --db)
        db=${COMP_WORDS[i + 1]}
        ((i++)) ;;
      --version)
        [ "$command" = targets ] && ((i++)) ;;
      --kind | --format | --output | -o | --server | --database | --address | --port | \
        --tls-cert | --tls-key | --access-log | --role | --center | --province | --comment | --section | --field | --grade | --year)
        ((i++)) ;;
      -*) ;;
      *)
        [ "$n" -eq 0 ] && first=${COMP_WORDS[i]}
        ((n++)) ;;
    esac
  done

  case "$command" in
    "")
      mapfile -t COMPREPLY < <(compgen -W "$commands" -- "$cur")
      ;;
    import)
      [ "$n" -eq 0 ] && mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      ;;
    list)
      [ "$n" -eq 0 ] && mapfile -t COMPREPLY < <(compgen -W "centers organizations applications agreements funding reports" -- "$cur")
      ;;
    show)
      [ "$n" -eq 0 ] && mapfile -t COMPREPLY < <(compgen -W "$(_icw_ids "${COMP_WORDS[0]}" "$db" centers organizations applications agreements funding reports)" -- "$cur")
      ;;
    check | ready | submit | reopen)
      [ "$n" -eq 0 ] && mapfile -t COMPREPLY < <(compgen -W "$(_icw_ids "${COMP_WORDS[0]}" "$db" applications agreements funding reports)" -- "$cur")
      ;;
    export)
      [ "$n" -eq 0 ] && mapfile -t COMPREPLY < <(compgen -W "$(_icw_ids "${COMP_WORDS[0]}" "$db" centers applications agreements funding reports)" -- "$cur")
      ;;
    new)
      [ "$n" -eq 0 ] && mapfile -t COMPREPLY < <(compgen -W "application report" -- "$cur")
      ;;
    targets)
      if [ "$n" -eq 0 ]; then
        mapfile -t COMPREPLY < <(compgen -W "carry $(_icw_ids "${COMP_WORDS[0]}" "$db" centers)" -- "$cur")
      elif [ "$n" -eq 1 ] && [ "$first" = carry ]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_icw_ids "${COMP_WORDS[0]}" "$db" applications)" -- "$cur")
      fi
      ;;
    review)
      [ "$n" -eq 0 ] && mapfile -t COMPREPLY < <(compgen -W "list show return accept" -- "$cur")
      ;;
    serve)
      if [ "$n" -eq 0 ]; then
        mapfile -t COMPREPLY < <(compgen -W "token" -- "$cur")
      elif [ "$n" -eq 1 ]; then
        mapfile -t COMPREPLY < <(compgen -W "add list revoke" -- "$cur")
      fi
      ;;
  esac
  return 0
}

complete -F _icw icw
