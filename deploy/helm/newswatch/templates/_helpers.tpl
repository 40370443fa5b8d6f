{{/* The release's object names: <release>-newswatch, unless the release is named newswatch. */}}
{{- define "newswatch.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "newswatch.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: worker
{{- end -}}

{{- define "newswatch.labels" -}}
{{ include "newswatch.selectorLabels" . }}
app.kubernetes.io/part-of: newswatch
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "newswatch.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "newswatch.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "newswatch.appId" -}}
{{- default .Release.Name .Values.appId -}}
{{- end -}}

{{- define "newswatch.rulesConfigMap" -}}
{{- if .Values.rules.existingConfigMap -}}
{{- .Values.rules.existingConfigMap -}}
{{- else if .Values.rules.files -}}
{{- printf "%s-rules" (include "newswatch.fullname" .) -}}
{{- end -}}
{{- end -}}
