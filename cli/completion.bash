# bash completion for sohoa(1): commands, each command's options, option values, files.
# Installed as share/bash-completion/completions/sohoa.
_sohoa()
{
	local cur prev cmd i
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD-1]}
	local commands="ingest normalize extract run merge help"
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done
	if [[ -z $cmd ]]; then
		COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
		return
	fi
	local read_opts="--lang --tessdata --dpi --ocr --jobs --pages --password --timeout --max-pixels --max-pages"
	local norm_opts="--tone --restore --model --adapt --channel"
	local common="-q --quiet -v --verbose -h --help"
	case $prev in
	--ocr) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
	--tone) COMPREPLY=($(compgen -W "keep old new" -- "$cur")); return ;;
	--restore) COMPREPLY=($(compgen -W "auto strip ocr vie off" -- "$cur")); return ;;
	--format) COMPREPLY=($(compgen -W "text tsv" -- "$cur")); return ;;
	--only) COMPREPLY=($(compgen -W "scores criteria schemes responsibilities documents references" -- "$cur")); return ;;
	--tessdata) COMPREPLY=($(compgen -d -- "$cur")); return ;;
	-o | --output | --model | --channel) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--lang | --dpi | --jobs | --pages | --password | --timeout | --max-pixels | --max-pages | --include | \
	--exclude | --shard) return ;;
	esac
	local opts
	case $cmd in
	ingest) opts="-o --output --format $read_opts $common" ;;
	normalize) opts="-o --output --format --tsv $norm_opts $read_opts $common" ;;
	extract) opts="-o --output --only --tsv --excel $norm_opts $read_opts $common" ;;
	run) opts="-o --output --recursive --include --exclude --force --shard --pdf --review --excel $norm_opts $read_opts $common" ;;
	merge) opts="-o --output --excel $common" ;;
	help) COMPREPLY=($(compgen -W "$commands" -- "$cur")); return ;;
	*) return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
complete -o filenames -F _sohoa sohoa
