// Generated from the OpenAPI document by `npm run api:types`; do not edit.
export interface paths {
    "/api/v1/approval-flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审批流程 The firm’s approval flows (current versions) */
        get: operations["get_api_v1_approval_flows"];
        put?: never;
        /** 新建审批流程 Create the flow of a business type (approval.admin) */
        post: operations["post_api_v1_approval_flows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-flows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审批流程 One flow at its current version */
        get: operations["get_api_v1_approval_flows_id"];
        /** 修改审批流程 Save a new version (running approvals keep theirs; approval.admin) */
        put: operations["put_api_v1_approval_flows_id"];
        post?: never;
        /** 停用审批流程 Archive a flow (approval.admin) */
        delete: operations["delete_api_v1_approval_flows_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-flows/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 版本记录 Every saved version of a flow, newest first */
        get: operations["get_api_v1_approval_flows_id_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-flows/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 历史版本 One saved version of a flow */
        get: operations["get_api_v1_approval_flows_id_versions_version"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待我审批 My open approval tasks (oldest first) */
        get: operations["get_api_v1_approval_tasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approval-tasks/done": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已办 Tasks I settled: 通过, 否决, 转交 (代审 included), newest first */
        get: operations["get_api_v1_approval_tasks_done"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审批记录 The approvals of one record (newest first) */
        get: operations["get_api_v1_approvals"];
        put?: never;
        /**
         * 提交审批 Submit a record for approval
         * @description chosenApprovers answers 请选择审批人: per node key of a submitter_chooses node, the user ids. A repeat with the same Idempotency-Key returns the instance it started (200).
         */
        post: operations["post_api_v1_approvals"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审批信息 One approval with its full record (节点审批人, 真正审批人, 状态, 时间, 意见) */
        get: operations["get_api_v1_approvals_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 审批 Approve (通过) or reject (否决) a task; onBehalf for 代审
         * @description Two approvers deciding one 或签 node at once: one wins, the other gets 409 approval.already_decided. Send an Idempotency-Key so a retry does not decide twice.
         */
        post: operations["post_api_v1_approvals_id_decide"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 转交 Hand an open task to another person */
        post: operations["post_api_v1_approvals_id_transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回 Withdraw my submission before anyone decided */
        post: operations["post_api_v1_approvals_id_withdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/approvals/submitted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我提交的 Approvals I submitted (newest first) */
        get: operations["get_api_v1_approvals_submitted"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/operations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 操作日志 Changes to settings, roles, users and approval flows, and logins (audit.view)
         * @description Newest first, in keyset pages. Each entry: who (actorId, actorName; null for a failed login), when, what (kind), on which record, and the state before and after.
         */
        get: operations["get_api_v1_audit_operations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/operations/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出操作日志 The filtered operation log as .xlsx (audit.view) */
        get: operations["get_api_v1_audit_operations_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/sensitive-reads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 敏感信息查看记录 Who saw which ID number, bank card or tax secret in clear (audit.view)
         * @description Newest first, in keyset pages.
         */
        get: operations["get_api_v1_audit_sensitive_reads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/sensitive-reads/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出敏感信息查看记录 The filtered sensitive-read log as .xlsx (audit.view) */
        get: operations["get_api_v1_audit_sensitive_reads_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 登录 Log in with mobile and password
         * @description Returns a bearer token. Wrong passwords slow down further attempts (auth.throttled with Retry-After), then lock the account for 15 minutes.
         */
        post: operations["post_api_v1_auth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录 Revoke this token */
        post: operations["post_api_v1_auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改密码 Change password (every session ends) */
        post: operations["post_api_v1_auth_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 控制台会话 Whether this request carries a live session, and whose
         * @description Never 401: { active: false } without a live session, so that a page can ask before anyone signs in.
         */
        get: operations["get_api_v1_auth_session"];
        put?: never;
        /**
         * 控制台登录 Sign in to the console: the session is an HttpOnly cookie
         * @description Like /auth/login, but the token is set as the HttpOnly, SameSite=Strict cookie yz_session and never shown to scripts. Requests with the cookie and no Authorization header are authenticated by it; writes must also send X-Requested-With: yunzhou-console.
         */
        post: operations["post_api_v1_auth_session"];
        /** 控制台退出 Sign out of the console: the session ends on the server and the cookie is cleared */
        delete: operations["delete_api_v1_auth_session"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/briefing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 数据简报 Figures, funnel, ranking and trend of a period and scope
         * @description period: today 今日, week 本周 (from Monday), month 本月, quarter 本季度, year 本年, custom 自定义 (from and to, inclusive). Without departmentId or userId: the widest scope you may see. Amounts are integer fen.
         */
        get: operations["get_api_v1_briefing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/briefing/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的完成率 Your own figures of this month, quarter or year against your own targets */
        get: operations["get_api_v1_briefing_mine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/checklist-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 资料清单设置 The firm’s 资料到期提醒提前天数 (version 0: never saved, the default 7) */
        get: operations["get_api_v1_checklist_settings"];
        /**
         * 修改资料清单设置 Change how many days before a collected document expires its order’s owner gets a task (product.manage)
         * @description Refused with validation.failed (nothing changed) outside 1–90 whole days, and with checklist.settings_conflict when version is not the one stored.
         */
        put: operations["put_api_v1_checklist_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 回款设置 Payment methods, receipt types and collection rules */
        get: operations["get_api_v1_collection_settings"];
        /** 修改回款设置 Change the dictionaries and rules (finance or administrator) */
        put: operations["put_api_v1_collection_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-scheme": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 提成方案 The firm's commission scheme: every version and the one in force today */
        get: operations["get_api_v1_commission_scheme"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-scheme/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 新增方案版本 Add the next version of the scheme (finance.write)
         * @description Rates by 岗位 and 产品分类 (most specific wins; * for any), tiers by the person's monthly collected total, the split between 负责人 and 来源 (adding up to exactly 100), and the department head's override. A change takes effect from tomorrow at the earliest and never reaches receipts already confirmed.
         */
        post: operations["post_api_v1_commission_scheme_versions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-scheme/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 方案版本 One version of the scheme */
        get: operations["get_api_v1_commission_scheme_versions_version"];
        put?: never;
        post?: never;
        /** 撤回方案版本 Withdraw the latest version while it is not yet in force */
        delete: operations["delete_api_v1_commission_scheme_versions_version"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 提成月结单 The statements of a month you see, highest total first */
        get: operations["get_api_v1_commission_statements"];
        put?: never;
        /** 生成月结单 Draw up (or redraw) a person's month as a draft (finance.write) */
        post: operations["post_api_v1_commission_statements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-statements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 月结单详情 The statement with its lines, the month-end true-up and the adjustments */
        get: operations["get_api_v1_commission_statements_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-statements/{id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 调整 Add an amount (±, fen) with its reason to a draft */
        post: operations["post_api_v1_commission_statements_id_adjustments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-statements/{id}/adjustments/{adjustmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除调整 Take an adjustment off a draft */
        delete: operations["delete_api_v1_commission_statements_id_adjustments_adjustmentId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-statements/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 锁定 Lock an approved statement (paid); nothing changes afterwards */
        post: operations["post_api_v1_commission_statements_id_lock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-statements/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载月结单 The statement as PDF, sent as it is drawn */
        get: operations["get_api_v1_commission_statements_id_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-statements/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交审批 Submit the draft to the commission_statement approval flow (the month must be over)
         * @description The statement is redrawn from every line recorded and becomes 已提交; the flow's approval makes it 已审批, a rejection or withdrawal sends it back to 草稿. A repeat with the same Idempotency-Key does not submit twice.
         */
        post: operations["post_api_v1_commission_statements_id_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-statements/{id}/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出月结单 The statement as .xlsx: its lines, adjustments with reasons and the total */
        get: operations["get_api_v1_commission_statements_id_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-statements/department": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 部门提成汇总 A department's statements of a month, with totals and status counts */
        get: operations["get_api_v1_commission_statements_department"];
        put?: never;
        /** 生成部门月结单 Draw up every person with lines in the department's month (finance.write) */
        post: operations["post_api_v1_commission_statements_department"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-statements/department/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出部门提成汇总 PDF The department's month as PDF: one row per person with its status, and the total */
        get: operations["get_api_v1_commission_statements_department_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commission-statements/department/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出部门提成汇总 The department's month as .xlsx (Chinese headers) */
        get: operations["get_api_v1_commission_statements_department_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 提成明细 The commission lines of a person's month (each with the scheme version it used) */
        get: operations["get_api_v1_commissions_lines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/running": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 本月提成 A person's running commission for a month (default: you, this month)
         * @description Earned so far (accruals and clawbacks), the month-end true-up if the month ended today, and the expected month. Your own always; someone else's with finance.read inside your data scope.
         */
        get: operations["get_api_v1_commissions_running"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/commissions/running/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 团队本月提成 The running rows of the people your data scope covers (a department's manager: the department) */
        get: operations["get_api_v1_commissions_running_people"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 部门列表 Departments (a tree by parentId) */
        get: operations["get_api_v1_departments"];
        put?: never;
        /** 新建部门 Create a department */
        post: operations["post_api_v1_departments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/departments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除部门 Delete an empty department */
        delete: operations["delete_api_v1_departments_id"];
        options?: never;
        head?: never;
        /** 修改部门 Rename, move or set the head */
        patch: operations["patch_api_v1_departments_id"];
        trace?: never;
    };
    "/api/v1/fee-adjustments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务费调整 A fee lowering or refund put to approval (business type fee_adjustment): the order, the product line, the fee before and after, and why */
        get: operations["get_api_v1_fee_adjustments_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fee-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 收费设置 The firm's refund rule for a refused application (不退还 / 退还 / 审批后退还) */
        get: operations["get_api_v1_fee_settings"];
        /** 保存收费设置 Set the firm's refund rule (finance; optimistic: give the version you read, 0 for the first save) */
        put: operations["put_api_v1_fee_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 文件列表 The files of a record, newest first */
        get: operations["get_api_v1_files"];
        put?: never;
        /**
         * 上传文件 Upload a file of a record (raw body, streamed)
         * @description The body is the file itself (any Content-Type; the type is recognised from the bytes). Refused with file.too_large (413) past the tenant's limit (settings.maxUploadBytes, default 5 MB), file.unsupported_type when the bytes are not allowed for the kind. A new file of a keep-one kind (ID card, licence, plan attachment, contract scan) replaces the current one, which stays in history.
         */
        post: operations["post_api_v1_files"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 文件信息 A file's metadata */
        get: operations["get_api_v1_files_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/files/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载文件 Download a file (streamed; ETag is its SHA-256) */
        get: operations["get_api_v1_files_id_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 新建跟进 Log a follow-up
         * @description Updates the record’s last and next follow-up times and, when given, its level, in the same transaction, and adds to its timeline. Send an Idempotency-Key header: the same key from the same person returns the follow-up it logged (201) instead of a second one.
         */
        post: operations["post_api_v1_follow_ups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 咨询 Inquiries in your data scope (other people’s mobiles masked) */
        get: operations["get_api_v1_inquiries"];
        put?: never;
        /**
         * 新建咨询 Create an inquiry
         * @description Fields marked * are required. A mobile already on record is refused with inquiry.duplicate_mobile (409) naming its owner, unless the firm allows duplicates. ownerId: another person or null (straight into 咨询公海) needs pool.assign. Send an Idempotency-Key header: the same key from the same person returns the record it created (201) instead of a second one or a duplicate_mobile refusal.
         */
        post: operations["post_api_v1_inquiries"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 咨询详情 One inquiry */
        get: operations["get_api_v1_inquiries_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改咨询 Edit an inquiry (version required) */
        patch: operations["patch_api_v1_inquiries_id"];
        trace?: never;
    };
    "/api/v1/inquiries/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 分配 Assign a pooled record to someone (pool.assign) */
        post: operations["post_api_v1_inquiries_id_assign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 领取 Claim a record from its pool
         * @description Of two simultaneous claims one wins; the other gets pool.already_claimed (409). A former owner waits the reclaim block; the holding limit applies.
         */
        post: operations["post_api_v1_inquiries_id_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries/{id}/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 跟进记录 The record’s follow-ups, newest first */
        get: operations["get_api_v1_inquiries_id_follow_ups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 合并 Merge a duplicate into this record (inquiry.merge)
         * @description The duplicate’s follow-ups, timeline and every row referencing it (orders …) move to this record; the duplicate stays, marked merged into it.
         */
        post: operations["post_api_v1_inquiries_id_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 释放 Put your record back into its pool, with a reason */
        post: operations["post_api_v1_inquiries_id_release"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 动态 The record’s timeline, oldest first */
        get: operations["get_api_v1_inquiries_id_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 转移 Give an owned record to someone else (pool.assign) */
        post: operations["post_api_v1_inquiries_id_transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 查重 Duplicate check by mobile, company name or tax id
         * @description Across inquiries, prospects, customers and both pools of the firm. Each match names its owner, stage and the matched fields; other people’s contact data is masked.
         */
        get: operations["get_api_v1_inquiries_duplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiries/next-follow-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 生成 The next follow-up time for a level, from now
         * @description Adds the level’s follow-up interval in the firm’s time zone (working hours and holidays honoured when configured).
         */
        get: operations["get_api_v1_inquiries_next_follow_up"];
        put?: never;
        /** 生成 The next follow-up time for a level (as POST) */
        post: operations["post_api_v1_inquiries_next_follow_up"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiry-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 咨询设置 Grading, pool rules, dictionaries and 常用语 */
        get: operations["get_api_v1_inquiry_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 修改咨询设置 Change sections of the settings (org.manage)
         * @description The whole result is checked before saving (validation.failed lists each problem); a level still carried by records cannot be removed (grading.level_in_use).
         */
        patch: operations["patch_api_v1_inquiry_settings"];
        trace?: never;
    };
    "/api/v1/inquiry-settings/canned-phrases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 常用语 Replace the firm’s canned phrases (org.manage) */
        put: operations["put_api_v1_inquiry_settings_canned_phrases"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inquiry-settings/form-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 表单选项 What the 新建咨询 and 新建跟进 forms offer */
        get: operations["get_api_v1_inquiry_settings_form_lists"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instalments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账务管理·回款计划 Instalments of the orders you see, earliest due first (totals with withTotal) */
        get: operations["get_api_v1_instalments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instalments/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出回款计划 The filtered instalments (state=overdue: the overdue list) as .xlsx (streamed) */
        get: operations["get_api_v1_instalments_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instalments/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 逾期回款 Instalments past due and not fully collected */
        get: operations["get_api_v1_instalments_overdue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoice-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 发票设置 The firm's invoicing profile (销售方), tax rates and cap rule */
        get: operations["get_api_v1_invoice_settings"];
        /**
         * 修改发票设置 Set the invoicing profile, rates and cap rule (admin)
         * @description Rates are tenant settings: generalRate (一般纳税人, 6 by default) applies when taxpayerKind is general, smallScaleRate (征收率, 3 by default) when small_scale. capBasis: received (invoiced ≤ 已回款) or contract (invoiced ≤ 合同金额).
         */
        put: operations["put_api_v1_invoice_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账务管理·发票 Invoices of orders in your scope, newest first (sums with withTotal) */
        get: operations["get_api_v1_invoices"];
        put?: never;
        /**
         * 申请开票 Request an invoice (a draft) from receipts or with lines
         * @description With receiptIds the lines default to one line of their total and the kind to the receipts' 发票类型. Refused with invoice.exceeds_invoiceable beyond what the order may still be invoiced for.
         */
        post: operations["post_api_v1_invoices"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 发票详情 The invoice with its lines, 大写 total and red-letter invoices */
        get: operations["get_api_v1_invoices_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改草稿 Correct a draft (an issued invoice is only reversed) */
        patch: operations["patch_api_v1_invoices_id"];
        trace?: never;
    };
    "/api/v1/invoices/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 作废草稿 Give up a draft; its receipts and amount are free again */
        post: operations["post_api_v1_invoices_id_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 下载发票 The issued invoice as PDF
         * @description disposition=inline serves it to be shown in a page of the same origin (the console embeds it); the default is a download.
         */
        get: operations["get_api_v1_invoices_id_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/red-letter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 申请红冲 A red-letter draft reversing the issued invoice, in full or in part
         * @description Without lines everything left on the invoice is reversed; with lines, the named amounts of the named lines. Submit the red-letter draft to the 红冲发票 flow; once issued the original is 部分红冲 or 已红冲 and the amount can be invoiced again.
         */
        post: operations["post_api_v1_invoices_id_red_letter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 提交审批 Submit the draft to the invoice (or 红冲发票) approval flow
         * @description The invoice becomes 待审批; when the flow approves it, it is issued with its number (yyyy + 8 digits, gapless per firm and year). A repeat with the same Idempotency-Key does not submit twice.
         */
        post: operations["post_api_v1_invoices_id_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 发票动态 The invoice's timeline, oldest first */
        get: operations["get_api_v1_invoices_id_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invoices/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出发票 The filtered list as .xlsx (at most 10,000 rows) */
        get: operations["get_api_v1_invoices_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 还款方式对比 First and last payment, total interest and total paid of the four methods */
        post: operations["post_api_v1_loans_compare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/loans/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 还款计划 The month-by-month schedule of one repayment method
         * @description Integer fen; monthly rate = annualRate / 12 kept exact; every rounding half-up (ties away from zero).
         */
        post: operations["post_api_v1_loans_schedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 当前用户 The acting user, with permissions and data scope */
        get: operations["get_api_v1_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 消息 My notifications, newest first (by kind, unread only) */
        get: operations["get_api_v1_messages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 消息详情 One of my messages */
        get: operations["get_api_v1_messages_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标为已读 Mark one message read */
        post: operations["post_api_v1_messages_id_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 全部已读 Mark all (or one kind) read */
        post: operations["post_api_v1_messages_read_all"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/messages/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 未读消息数 Unread count, in total and per kind (for the badge) */
        get: operations["get_api_v1_messages_unread_count"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/order-profiles/duplicate-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 查重 Orders of the firm with this tax id, company name, ID number or bank card
         * @description A POST so that ID and card numbers never appear in URLs or access logs.
         */
        post: operations["post_api_v1_order_profiles_duplicate_check"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/order-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单设置 The firm's stages, presets, conditions and required profile fields */
        get: operations["get_api_v1_order_settings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/order-settings/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 设置阶段 Choose a preset or set the firm's own stages (admin)
         * @description Refused with order.invalid_pipeline (every problem listed) or order.stage_in_use (a removed stage still holds orders).
         */
        put: operations["put_api_v1_order_settings_pipeline"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/order-settings/profile-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 必填资料 The profile fields that make a profile 已完善 (admin) */
        put: operations["put_api_v1_order_settings_profile_fields"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单管理 Orders in your scope or handled by you, newest first (totals with withTotal) */
        get: operations["get_api_v1_orders"];
        put?: never;
        /** 创建订单 Create an order from an inquiry (it becomes 准客户) */
        post: operations["post_api_v1_orders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单详情 Amounts, stage progress, what 下一步 needs, files and 订单动态 */
        get: operations["get_api_v1_orders_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改订单 Title, owner or department (moving it needs pool.assign) */
        patch: operations["patch_api_v1_orders_id"];
        trace?: never;
    };
    "/api/v1/orders/{id}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单资料清单 Each chosen product’s documents today: collected 已收集, expiring 即将过期, expired 已过期, missing 缺少; the order’s files and what they satisfy */
        get: operations["get_api_v1_orders_id_checklist"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/checklist/marks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记资料 Say which document an order’s file is, with the date or period its validity runs from (replaces an earlier mark of that file and document) */
        post: operations["post_api_v1_orders_id_checklist_marks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/checklist/marks/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 取消标记 The file no longer counts as the document */
        delete: operations["delete_api_v1_orders_id_checklist_marks_fileId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 结单 Amounts and what still stops a close request */
        get: operations["get_api_v1_orders_id_close"];
        put?: never;
        /**
         * 申请结单 Submit a fully collected order to the close approval flow (finance, operations)
         * @description Refused with collection.close_not_ready listing what is missing. When the flow approves, the order reaches 订单完成 and is read-only except invoices and reversals.
         */
        post: operations["post_api_v1_orders_id_close"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/collection-plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 回款计划 The order’s plan with each instalment’s state today */
        get: operations["get_api_v1_orders_id_collection_plan"];
        /**
         * 保存回款计划 Save a new plan (version 0) or a revision; instalments holding money stay
         * @description The instalments must add up exactly to the order’s receivable (collection.plan_total_mismatch). A revision replaces only the instalments no receipt holds money on; every revision is kept.
         */
        put: operations["put_api_v1_orders_id_collection_plan"];
        post?: never;
        /** 删除回款计划 Remove a plan no receipt holds money on (the removal is kept as a revision) */
        delete: operations["delete_api_v1_orders_id_collection_plan"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/collection-plan/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 生成 The instalments a method would make now (not saved) */
        post: operations["post_api_v1_orders_id_collection_plan_preview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/collection-plan/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 修改记录 Every revision of the plan, newest first */
        get: operations["get_api_v1_orders_id_collection_plan_revisions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/contract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 合同 The contract and its signed copy */
        get: operations["get_api_v1_orders_id_contract"];
        /** 上传合同 Record number, amount, signing date and parties (scan: /files with kind contract_scan) */
        put: operations["put_api_v1_orders_id_contract"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/contract.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载合同 The order's financing service agreement as PDF */
        get: operations["get_api_v1_orders_id_contract_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/contract/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认合同 Confirm: sets the contract amount, the inquiry becomes 客户, 合同赢单 when allowed */
        post: operations["post_api_v1_orders_id_contract_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/contract/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 合同文本数据 The contract as plain document data for the PDF renderer */
        get: operations["get_api_v1_orders_id_contract_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 阶段操作 下一步, 回退, 转交, 输单, 取消, 重新打开
         * @description advance; rollback (toStage, reason); hand_over (toUserId, remark); mark_lost (reason); cancel (reason); reopen. complete is only the finance close. Refusals: order.transition_not_allowed (details: state, event), order.guard_failed (details.unmet lists every condition).
         */
        post: operations["post_api_v1_orders_id_events"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/invoiceable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可开票金额 What the order may still be invoiced for, and its receipts */
        get: operations["get_api_v1_orders_id_invoiceable"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/match-facts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 匹配信息 Facts recorded for matching, and what matching will judge */
        get: operations["get_api_v1_orders_id_match_facts"];
        /** 保存匹配信息 Record company age, tax rating, taxes, invoicing, region, vehicle, debt … */
        put: operations["put_api_v1_orders_id_match_facts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 方案 The plan and its current attachment */
        get: operations["get_api_v1_orders_id_plan"];
        /** 上传方案 Write the plan (attachments: /files with kind plan_attachment) */
        put: operations["put_api_v1_orders_id_plan"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/plan.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载方案 The order's financing plan as PDF, with the repayment comparisons */
        get: operations["get_api_v1_orders_id_plan_pdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/product-lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已选产品 The order's products with totals, receivable, disbursed amount and 未选/已选 counts */
        get: operations["get_api_v1_orders_id_product_lines"];
        /** 保存已选产品 Save the selection (fee, discount, quantity); 手动匹配 warnings come back on each line */
        put: operations["put_api_v1_orders_id_product_lines"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/product-lines/{lineId}/application-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更新申请状态 Move an application: submit, approve, reject, disburse, withdraw */
        post: operations["post_api_v1_orders_id_product_lines_lineId_application_events"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/product-lines/{lineId}/disbursement-correction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更正放款金额 Correct a disbursed application's amount; the success fee follows (through approval when it lowers what the customer owes) */
        post: operations["post_api_v1_orders_id_product_lines_lineId_disbursement_correction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/product-lines/{lineId}/fee": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 服务费计算 The line's fee: rule, base amounts, result, rounding (half-up to the fen), adjustments */
        get: operations["get_api_v1_orders_id_product_lines_lineId_fee"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/product-lines/{lineId}/repayment-comparison": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 还款方式对比 The four repayment methods side by side for a matched product (terms approved, given, or the product's) */
        post: operations["post_api_v1_orders_id_product_lines_lineId_repayment_comparison"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/product-matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 自动匹配 Active products ranked for the order, with per-requirement reasons */
        get: operations["get_api_v1_orders_id_product_matches"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 企业信息 The enterprise profile (sensitive fields masked unless unmasked=true with order.view_sensitive)
         * @description Every unmasked read is recorded (who, when, which field).
         */
        get: operations["get_api_v1_orders_id_profile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * 完善企业信息 Change the profile (left out: kept; null: cleared); returns 查重 matches
         * @description Identity checks on tax id, mobile, ID number and bank card; a card failing Luhn is refused with identity.bank_card_luhn unless bankCardLuhnConfirmed.
         */
        patch: operations["patch_api_v1_orders_id_profile"];
        trace?: never;
    };
    "/api/v1/orders/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单回款 The order’s receipts, newest first */
        get: operations["get_api_v1_orders_id_receipts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/status-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 客户查询码 Whether the order has a query code for the customer */
        get: operations["get_api_v1_orders_id_status_code"];
        put?: never;
        /** 生成客户查询码 Issue a new query code (shown once; the old one stops working) */
        post: operations["post_api_v1_orders_id_status_code"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交到下一步 Next stage and hand to the next operator (remark and operator required) */
        post: operations["post_api_v1_orders_id_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单动态 The order's timeline, oldest first */
        get: operations["get_api_v1_orders_id_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/parked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 投递失败的事件 The firm's events parked after repeated delivery failures (org.manage) */
        get: operations["get_api_v1_outbox_parked"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/outbox/parked/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重新投递 Put a parked event back in the queue (org.manage) */
        post: operations["post_api_v1_outbox_parked_id_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/import-export/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可导出的列表 The lists that can be exported */
        get: operations["get_api_v1_plugins_import_export_exports"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/import-export/exports/inquiries.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出咨询 咨询列表 (the /inquiries filters; lifecycle=prospect for 准客户)
         * @description Streamed .xlsx with Chinese headers; the same filters, permission and data scope as the list itself.
         */
        get: operations["get_api_v1_plugins_import_export_exports_inquiries_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/import-export/exports/users.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 导出用户 用户列表 (the /users filters)
         * @description Streamed .xlsx with Chinese headers; the same filters, permission and data scope as the list itself.
         */
        get: operations["get_api_v1_plugins_import_export_exports_users_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/import-export/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入任务 Your import jobs (an administrator: the firm's), newest first */
        get: operations["get_api_v1_plugins_import_export_imports"];
        put?: never;
        /**
         * 导入咨询 Upload an .xlsx or .csv of inquiries; the import runs as a job
         * @description The body is the file itself (raw, streamed; recognised from its bytes). Columns are found by their Chinese headers (see /imports/columns). A file that is not .xlsx/.csv, is empty, damaged, lacks a required column or has no data row is refused at once (import.*, 400); larger than 50 MB: file.too_large (413). Otherwise the answer is the queued job: poll GET /imports/{id}. Needs inquiry.write.
         */
        post: operations["post_api_v1_plugins_import_export_imports"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/import-export/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入进度 A job: status, processed of total, percentage, counts */
        get: operations["get_api_v1_plugins_import_export_imports_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/import-export/imports/{id}/report.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入结果 The per-row report (.xlsx): 已导入, 重复 (of whom), 无效 (why) */
        get: operations["get_api_v1_plugins_import_export_imports_id_report_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/import-export/imports/columns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入说明 The import columns, what each takes, and the firm's levels and dictionaries */
        get: operations["get_api_v1_plugins_import_export_imports_columns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/import-export/imports/template.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载导入模板 The inquiry import template (.xlsx: headers and one example row) */
        get: operations["get_api_v1_plugins_import_export_imports_template_xlsx"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/notifications/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 消息推送渠道 The firm's WeCom, DingTalk and SMS settings (secrets never shown) */
        get: operations["get_api_v1_plugins_notifications_channels"];
        /**
         * 保存消息推送渠道 Save channels: the secret is sealed with the keyring; leave it out to keep the stored one
         * @description WeCom settings { corpId, agentId }, secret = the application Secret; DingTalk { appKey, agentId }, secret = AppSecret; SMS { accessKeyId, signName, templates: { <kind>: SMS_… } }, secret = AccessKey Secret. baseUrl: the vendor's API or a proxy (null: the vendor's own).
         */
        put: operations["put_api_v1_plugins_notifications_channels"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/notifications/channels/{channel}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 测试发送 Send a test message now to a person (default: the caller); the vendor's code and message when it fails */
        post: operations["post_api_v1_plugins_notifications_channels_channel_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 推送记录 Copies sent, waiting or parked, newest first, with the vendor's last error code and message */
        get: operations["get_api_v1_plugins_notifications_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/notifications/deliveries/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重新发送 A parked copy is queued again with a fresh set of attempts (after the settings were fixed) */
        post: operations["post_api_v1_plugins_notifications_deliveries_id_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/notifications/preferences/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的通知偏好 The caller's channels per kind, quiet hours (the firm's clock) and daily digest */
        get: operations["get_api_v1_plugins_notifications_preferences_me"];
        /** 修改我的通知偏好 Change the caller's preferences: fields left out keep their value; ["none"] for no push of a kind; null switches quiet hours or the digest off */
        put: operations["put_api_v1_plugins_notifications_preferences_me"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/notifications/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 插件设置 The firm's settings of notifications */
        get: operations["get_api_v1_plugins_notifications_settings"];
        /** 修改插件设置 Save the firm's settings of notifications (org.manage) */
        put: operations["put_api_v1_plugins_notifications_settings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 推送记录 Deliveries, newest first */
        get: operations["get_api_v1_plugins_webhooks_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/webhooks/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 推送详情 A delivery with its payload and every attempt (status, answer excerpt, duration) */
        get: operations["get_api_v1_plugins_webhooks_deliveries_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/webhooks/deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重新推送 Send a delivery again (a new delivery, same event) */
        post: operations["post_api_v1_plugins_webhooks_deliveries_id_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/webhooks/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 推送地址 The firm's webhook endpoints (org.manage) */
        get: operations["get_api_v1_plugins_webhooks_endpoints"];
        put?: never;
        /** 新增推送地址 Register a URL and its events; the answer shows the signing secret once */
        post: operations["post_api_v1_plugins_webhooks_endpoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/webhooks/endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 推送地址详情 One endpoint */
        get: operations["get_api_v1_plugins_webhooks_endpoints_id"];
        put?: never;
        post?: never;
        /** 删除推送地址 Remove an endpoint (its history stays) */
        delete: operations["delete_api_v1_plugins_webhooks_endpoints_id"];
        options?: never;
        head?: never;
        /** 修改推送地址 URL, events, description, on/off */
        patch: operations["patch_api_v1_plugins_webhooks_endpoints_id"];
        trace?: never;
    };
    "/api/v1/plugins/webhooks/endpoints/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更换密钥 A new signing secret, shown once */
        post: operations["post_api_v1_plugins_webhooks_endpoints_id_rotate_secret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/workbench/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 工作台登录设置 The firm's WeCom and DingTalk sign-in settings (secrets never shown) */
        get: operations["get_api_v1_plugins_workbench_credentials"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/workbench/credentials/{vendor}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 保存工作台登录设置 Save a vendor's sign-in settings; the secret is sealed with the keyring (omit it to keep the stored one) */
        put: operations["put_api_v1_plugins_workbench_credentials_vendor"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/workbench/dingtalk/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 钉钉登录回调 The DingTalk code comes back: the person is signed in and sent into the console
         * @description Sets the console's session cookie (as POST /auth/session does) and redirects (302) to the console. Refusals: workbench.bad_state (403), workbench.invalid_code (401), workbench.unknown_user (403), workbench.not_configured (404), workbench.vendor_error (422); a browser (Accept: text/html) gets a page saying whom to ask instead of problem+json.
         */
        get: operations["get_api_v1_plugins_workbench_dingtalk_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/workbench/dingtalk/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 钉钉工作台登录入口 Sign in from the DingTalk workbench: the address to put in the workbench
         * @description A page that asks the DingTalk client for a free-login code (JSAPI requestAuthCode) and goes on to /dingtalk/callback with it and a one-time state.
         */
        get: operations["get_api_v1_plugins_workbench_dingtalk_start"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/workbench/wecom/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 企业微信登录回调 The WeCom code comes back: the person is signed in and sent into the console
         * @description Sets the console's session cookie (as POST /auth/session does) and redirects (302) to the console. Refusals: workbench.bad_state (403), workbench.invalid_code (401), workbench.unknown_user (403), workbench.not_configured (404), workbench.vendor_error (422); a browser (Accept: text/html) gets a page saying whom to ask instead of problem+json.
         */
        get: operations["get_api_v1_plugins_workbench_wecom_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plugins/workbench/wecom/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 企业微信工作台登录入口 Sign in from the WeCom workbench: the address to put in the workbench
         * @description Redirects (302) to WeCom's OAuth page with a one-time state (10 minutes, bound to this browser by a cookie); WeCom comes back to /wecom/callback.
         */
        get: operations["get_api_v1_plugins_workbench_wecom_start"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pools/{pool}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 公海 The records of 咨询公海 (inquiry) or 客户公海 (customer) */
        get: operations["get_api_v1_pools_pool"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pools/recycle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 公海回收 Run the recycler for your firm now (org.manage)
         * @description What the server’s schedule and `yunzhou recycle` do: neglected and overdue records return to their pool; owners are warned beforehand. Idempotent.
         */
        post: operations["post_api_v1_pools_recycle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/product-categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 产品分类 Categories with product counts (a new tenant gets the eight defaults) */
        get: operations["get_api_v1_product_categories"];
        put?: never;
        /** 新建产品分类 Add a category */
        post: operations["post_api_v1_product_categories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/product-categories/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改产品分类 Rename or move a category */
        patch: operations["patch_api_v1_product_categories_code"];
        trace?: never;
    };
    "/api/v1/product-institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 放款机构 The institutions named in the catalogue (for the filter) */
        get: operations["get_api_v1_product_institutions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 产品列表 Products (选择产品 共N条) by category and number, with filters */
        get: operations["get_api_v1_products"];
        put?: never;
        /** 新建产品 Create a product (requirements checked; a bad rule is refused with its path) */
        post: operations["post_api_v1_products"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 产品详情 One product */
        get: operations["get_api_v1_products_id"];
        /** 修改产品 Replace a product (optimistic: give the version you read) */
        put: operations["put_api_v1_products_id"];
        post?: never;
        /** 删除产品 Delete a product no order has chosen (else deactivate it) */
        delete: operations["delete_api_v1_products_id"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 产品资料清单 The documents a product needs (version 0: never saved, the names of requiredDocuments, not blocking) */
        get: operations["get_api_v1_products_id_checklist"];
        /** 保存产品资料清单 Save a product’s checklist (product.manage); names requiredDocuments lists and the checklist does not are added, not blocking */
        put: operations["put_api_v1_products_id_checklist"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/products/{id}/fee-rule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 收费规则 The product's fee rule (a product without one charges its fixed defaultServiceFeeFen) */
        get: operations["get_api_v1_products_id_fee_rule"];
        /** 设置收费规则 Set the product's fee rule, or clear it with null (applies to lines chosen afterwards) */
        put: operations["put_api_v1_products_id_fee_rule"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/prospects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 准客户 Prospects in your data scope
         * @description The same list as /inquiries with lifecycle prospect by default (add lifecycle=customer for 客户).
         */
        get: operations["get_api_v1_prospects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/order-status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 客户查询 The customer looks up an order with its query code and the mobile's last four digits (no account)
         * @description An unknown code and wrong digits answer alike (404 status.not_found); too many wrong answers per code or per client address answer 429 status.throttled with Retry-After.
         */
        post: operations["post_api_v1_public_order_status"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账务管理·回款记录 Receipts of the orders you see, newest first (totals with withTotal) */
        get: operations["get_api_v1_receipts"];
        put?: never;
        /**
         * 登记回款 Record a receipt (草稿, or 待审批 with submit); send an Idempotency-Key
         * @description The same Idempotency-Key returns the receipt already recorded (200) instead of a second one; another request under the key is collection.idempotency_key_reused. More than is still owed is collection.overpayment unless the firm allows it and overpayment is true.
         */
        post: operations["post_api_v1_receipts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receipts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 回款单 A receipt with its allocation to instalments and its 动态 (approvals included) */
        get: operations["get_api_v1_receipts_id"];
        put?: never;
        post?: never;
        /** 删除草稿 Delete a draft; an approved receipt is never deleted, only reversed */
        delete: operations["delete_api_v1_receipts_id"];
        options?: never;
        head?: never;
        /** 修改回款单 Change a draft (its amount is allocated afresh) */
        patch: operations["patch_api_v1_receipts_id"];
        trace?: never;
    };
    "/api/v1/receipts/{id}/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 冲销 Ask to reverse an approved receipt, through the receipt approval flow (finance) */
        post: operations["post_api_v1_receipts_id_reversal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receipts/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 提交审批 Submit a draft to the receipt approval flow */
        post: operations["post_api_v1_receipts_id_submit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receipts/awaiting-me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 回款办理 Receipts whose approval waits on you (未办理), oldest first */
        get: operations["get_api_v1_receipts_awaiting_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receipts/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导出回款记录 The filtered receipts as .xlsx (streamed) */
        get: operations["get_api_v1_receipts_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 角色 Roles with permissions and data scope */
        get: operations["get_api_v1_roles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/roles/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 保存角色 Create a role or change its permissions and data scope (its holders log in again) */
        put: operations["put_api_v1_roles_code"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 业绩目标 The targets of a month or quarter for the departments and people you see
         * @description Each row has, per figure, the amount set for exactly this period (setFen) and what the period is compared with (resolvedFen: its own, its third of the quarter, or its months’ sum).
         */
        get: operations["get_api_v1_targets"];
        /** 设置业绩目标 Set targets (each replaces the amount set for its subject, figure and period; all or none) */
        put: operations["put_api_v1_targets"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/targets/{subjectKind}/{subjectId}/{metric}/{period}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 删除业绩目标 Remove one target */
        delete: operations["delete_api_v1_targets_subjectKind_subjectId_metric_period"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/task-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 自动任务规则 The firm's task rules (e.g. follow up an application 3 days in 申请中) */
        get: operations["get_api_v1_task_rules"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/task-rules/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 设置自动任务规则 Switch a rule on or off, tune days, hours and priority (org.manage) */
        put: operations["put_api_v1_task_rules_key"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 任务列表 Tasks: mine, created by me or all I may see; by status, due window, overdue, related record */
        get: operations["get_api_v1_tasks"];
        put?: never;
        /** 新建任务 Create a task for myself or a colleague (task.write) */
        post: operations["post_api_v1_tasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 任务详情 One task */
        get: operations["get_api_v1_tasks_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改任务 Title, description, due time, priority, related record or assignee */
        patch: operations["patch_api_v1_tasks_id"];
        trace?: never;
    };
    "/api/v1/tasks/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 任务评论 Comments, oldest first */
        get: operations["get_api_v1_tasks_id_comments"];
        put?: never;
        /** 发表评论 Comment on a task */
        post: operations["post_api_v1_tasks_id_comments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 任务状态 start 开始处理, complete 完成, cancel 取消, reopen 重新打开 */
        post: operations["post_api_v1_tasks_id_events"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tenant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本机构 The actor's firm */
        get: operations["get_api_v1_tenant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户列表 Users (mobiles masked unless you manage the organisation) */
        get: operations["get_api_v1_users"];
        put?: never;
        /** 新建用户 Create a user */
        post: operations["post_api_v1_users"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 用户 One user */
        get: operations["get_api_v1_users_id"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改用户 Change name, department, roles or deactivate */
        patch: operations["patch_api_v1_users_id"];
        trace?: never;
    };
    "/api/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置密码 Set a user's password (their sessions end) */
        post: operations["post_api_v1_users_id_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workcenter/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 办理中心 The items of one kind waiting on me (oldest waiting or earliest due first)
         * @description Each item: kind, title, related record (type and id), link (GET, to open it) and action (the call that acts on it). Instalments: due within the firm's reminder days (回款设置 reminderDaysBefore, default 3) or overdue.
         */
        get: operations["get_api_v1_workcenter_inbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workcenter/inbox/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 办理中心角标 How many items of each kind wait on me, and the total
         * @description Answered with a weak ETag; a request whose If-None-Match names it gets 304 with no body (for polling the badge).
         */
        get: operations["get_api_v1_workcenter_inbox_counts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/workcenter/inbox/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 办理中心角标实时 Server-sent events: "my counts changed" (for the console's badges)
         * @description text/event-stream. An `event: counts` (no data) each time something changed what waits on the signed-in person — then GET /workcenter/inbox/counts. Also sent once when the stream opens, and after the server missed notifications. The stream ends after 10 minutes (reconnect; the session is checked again) and when the process stops. 503 (inbox.live_unavailable) when the install has no direct database connection to listen on: poll the counts instead.
         */
        get: operations["get_api_v1_workcenter_inbox_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            code: string;
            detail: string;
            errors?: {
                code?: string;
                message?: string;
                path?: string;
            }[];
            status: number;
            title: string;
            type: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    get_api_v1_approval_flows: {
        parameters: {
            query?: {
                /** @description order_review 订单内审, receipt 回款单, invoice 发票, red_invoice 红冲发票, order_close 结单, commission_statement 提成月结单, fee_adjustment 服务费调整 (a lower fee or a refund after 放款/拒绝) */
                businessType?: "order_review" | "receipt" | "invoice" | "red_invoice" | "order_close" | "commission_statement" | "fee_adjustment";
                includeArchived?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_approval_flows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description order_review 订单内审, receipt 回款单, invoice 发票, red_invoice 红冲发票, order_close 结单, commission_statement 提成月结单, fee_adjustment 服务费调整 (a lower fee or a refund after 放款/拒绝)
                     * @enum {string}
                     */
                    businessType: "order_review" | "receipt" | "invoice" | "red_invoice" | "order_close" | "commission_statement" | "fee_adjustment";
                    name: string;
                    /**
                     * @description A node nobody can approve: skip (自动通过) or admin (交给管理员, default)
                     * @enum {string}
                     */
                    noApproverRule?: "skip" | "admin";
                    nodes: {
                        approvers: {
                            /**
                             * @description users 指定人员, role 角色, department_head 部门负责人, submitter_chooses 提交人选择
                             * @enum {string}
                             */
                            kind: "users" | "role" | "department_head" | "submitter_chooses";
                            /** @description 0 the submitter’s own department head, 1 the one above … */
                            levelsUp?: number;
                            /** @description Role code (for role, or limiting submitter_chooses) */
                            role?: string;
                            userIds?: string[];
                        };
                        /** @description JSON condition: { field, op, value } or { all|any: [...] } or { not: … } (docs/approvals.md) */
                        condition?: Record<string, never>;
                        graceHours?: number;
                        /** @description Stable key, e.g. level1 */
                        key: string;
                        /**
                         * @description sequential 依次, any 或签, all 会签
                         * @enum {string}
                         */
                        mode: "sequential" | "any" | "all";
                        name: string;
                        /** @enum {string} */
                        onReject?: "end" | "previous";
                        /** @enum {string} */
                        onTimeout?: "remind" | "escalate" | "auto_approve" | "auto_reject";
                        timeLimitHours?: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_approval_flows_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_approval_flows_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    /**
                     * @description A node nobody can approve: skip (自动通过) or admin (交给管理员, default)
                     * @enum {string}
                     */
                    noApproverRule?: "skip" | "admin";
                    nodes?: {
                        approvers: {
                            /**
                             * @description users 指定人员, role 角色, department_head 部门负责人, submitter_chooses 提交人选择
                             * @enum {string}
                             */
                            kind: "users" | "role" | "department_head" | "submitter_chooses";
                            /** @description 0 the submitter’s own department head, 1 the one above … */
                            levelsUp?: number;
                            /** @description Role code (for role, or limiting submitter_chooses) */
                            role?: string;
                            userIds?: string[];
                        };
                        /** @description JSON condition: { field, op, value } or { all|any: [...] } or { not: … } (docs/approvals.md) */
                        condition?: Record<string, never>;
                        graceHours?: number;
                        /** @description Stable key, e.g. level1 */
                        key: string;
                        /**
                         * @description sequential 依次, any 或签, all 会签
                         * @enum {string}
                         */
                        mode: "sequential" | "any" | "all";
                        name: string;
                        /** @enum {string} */
                        onReject?: "end" | "previous";
                        /** @enum {string} */
                        onTimeout?: "remind" | "escalate" | "auto_approve" | "auto_reject";
                        timeLimitHours?: number;
                    }[];
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_api_v1_approval_flows_id: {
        parameters: {
            query: {
                version: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_approval_flows_id_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_approval_flows_id_versions_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_approval_tasks: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_approval_tasks_done: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_approvals: {
        parameters: {
            query: {
                businessId: string;
                /** @description order_review 订单内审, receipt 回款单, invoice 发票, red_invoice 红冲发票, order_close 结单, commission_statement 提成月结单, fee_adjustment 服务费调整 (a lower fee or a refund after 放款/拒绝) */
                businessType: "order_review" | "receipt" | "invoice" | "red_invoice" | "order_close" | "commission_statement" | "fee_adjustment";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_approvals: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    businessId: string;
                    /**
                     * @description order_review 订单内审, receipt 回款单, invoice 发票, red_invoice 红冲发票, order_close 结单, commission_statement 提成月结单, fee_adjustment 服务费调整 (a lower fee or a refund after 放款/拒绝)
                     * @enum {string}
                     */
                    businessType: "order_review" | "receipt" | "invoice" | "red_invoice" | "order_close" | "commission_statement" | "fee_adjustment";
                    chosenApprovers?: {
                        [key: string]: string[];
                    };
                    /** @description Idempotency key of this attempt (the Idempotency-Key header wins) */
                    requestId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_approvals_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_approvals_id_decide: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "approve" | "reject";
                    onBehalf?: boolean;
                    /** @description 审批意见 (required to reject) */
                    opinion?: string | null;
                    /** @description Idempotency key of this attempt (the Idempotency-Key header wins) */
                    requestId?: string;
                    /** Format: uuid */
                    taskId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_approvals_id_transfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    onBehalf?: boolean;
                    /** @description 审批意见 (required to reject) */
                    opinion?: string | null;
                    /** @description Idempotency key of this attempt (the Idempotency-Key header wins) */
                    requestId?: string;
                    /** Format: uuid */
                    taskId: string;
                    /** Format: uuid */
                    toUserId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_approvals_id_withdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Idempotency key of this attempt (the Idempotency-Key header wins) */
                    requestId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_approvals_submitted: {
        parameters: {
            query?: {
                /** @description order_review 订单内审, receipt 回款单, invoice 发票, red_invoice 红冲发票, order_close 结单, commission_statement 提成月结单, fee_adjustment 服务费调整 (a lower fee or a refund after 放款/拒绝) */
                businessType?: "order_review" | "receipt" | "invoice" | "red_invoice" | "order_close" | "commission_statement" | "fee_adjustment";
                cursor?: string;
                limit?: number;
                status?: "pending" | "approved" | "rejected" | "withdrawn";
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_audit_operations: {
        parameters: {
            query?: {
                /** @description 操作人 / 查看人 Who */
                actorId?: string;
                cursor?: string;
                /** @description 起 From this instant (inclusive) */
                from?: string;
                /** @description 操作 A kind (role.saved) or its family (login: login.succeeded and login.failed) */
                kind?: string;
                limit?: number;
                /** @description 对象 The record (a user id, a role code, a settings section …) */
                subjectId?: string;
                /** @description 对象类型 e.g. user, role, settings, approval_flow, order */
                subjectType?: string;
                /** @description 止 Until this instant (exclusive) */
                to?: string;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_audit_operations_export: {
        parameters: {
            query?: {
                /** @description 操作人 / 查看人 Who */
                actorId?: string;
                /** @description 起 From this instant (inclusive) */
                from?: string;
                /** @description 操作 A kind (role.saved) or its family (login: login.succeeded and login.failed) */
                kind?: string;
                /** @description 对象 The record (a user id, a role code, a settings section …) */
                subjectId?: string;
                /** @description 对象类型 e.g. user, role, settings, approval_flow, order */
                subjectType?: string;
                /** @description 止 Until this instant (exclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_audit_sensitive_reads: {
        parameters: {
            query?: {
                /** @description 操作人 / 查看人 Who */
                actorId?: string;
                cursor?: string;
                /** @description 字段 e.g. legalPersonIdNumber, bankCard, taxSecrets */
                field?: string;
                /** @description 起 From this instant (inclusive) */
                from?: string;
                limit?: number;
                /** @description 对象 The record read (its id) */
                subjectId?: string;
                /** @description 对象类型 e.g. user, role, settings, approval_flow, order */
                subjectType?: string;
                /** @description 止 Until this instant (exclusive) */
                to?: string;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_audit_sensitive_reads_export: {
        parameters: {
            query?: {
                /** @description 操作人 / 查看人 Who */
                actorId?: string;
                /** @description 字段 e.g. legalPersonIdNumber, bankCard, taxSecrets */
                field?: string;
                /** @description 起 From this instant (inclusive) */
                from?: string;
                /** @description 对象 The record read (its id) */
                subjectId?: string;
                /** @description 对象类型 e.g. user, role, settings, approval_flow, order */
                subjectType?: string;
                /** @description 止 Until this instant (exclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_auth_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description China mainland mobile (normalised: +86, spaces and dashes removed) */
                    mobile: string;
                    password: string;
                    /** Format: uuid */
                    tenantId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_auth_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_auth_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_auth_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_auth_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description China mainland mobile (normalised: +86, spaces and dashes removed) */
                    mobile: string;
                    password: string;
                    /** Format: uuid */
                    tenantId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_api_v1_auth_session: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_briefing: {
        parameters: {
            query?: {
                /** @description A department and its subtree */
                departmentId?: string;
                from?: string;
                /** @description The trend’s buckets (default by the period’s length) */
                granularity?: "day" | "week" | "month";
                period?: "today" | "week" | "month" | "quarter" | "year" | "custom";
                rankingLimit?: number;
                to?: string;
                /** @description One person (the orders’ owner) */
                userId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_briefing_mine: {
        parameters: {
            query?: {
                period?: "month" | "quarter" | "year";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_checklist_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_checklist_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 资料到期提醒提前天数 */
                    reminderDaysBefore: number;
                    /** @description The settings version you read (0 while on the defaults) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_collection_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_collection_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 允许超额回款 */
                    allowOverpayment?: boolean;
                    paymentMethods?: {
                        active: boolean;
                        name: string;
                    }[];
                    receiptTypes?: {
                        active: boolean;
                        name: string;
                    }[];
                    /** @description 到期前几天提醒负责人 */
                    reminderDaysBefore?: number;
                    /** @description 结单须开票完毕 */
                    requireInvoicedToClose?: boolean;
                    /** @description The settings version you read (0 while on the defaults) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_commission_scheme: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_commission_scheme_versions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description 生效日期: receipts confirmed on or after it; from tomorrow at the earliest once a version exists
                     */
                    effectiveFrom: string;
                    overrides?: {
                        /** @description * (any) or a code: 岗位 (role code) or 产品分类 (category code) */
                        categoryCode: string;
                        /** @description Percent as decimal text, at most 4 decimals: 3, 1.5, 0.25 */
                        rate: string;
                    }[];
                    rules: {
                        /** @description * (any) or a code: 岗位 (role code) or 产品分类 (category code) */
                        categoryCode: string;
                        /** @description * (any) or a code: 岗位 (role code) or 产品分类 (category code) */
                        roleCode: string;
                        tiers: {
                            /** @description 本月业绩 from (fen, inclusive); the first tier starts at 0 */
                            fromFen: number;
                            /** @description Percent as decimal text, at most 4 decimals: 3, 1.5, 0.25 */
                            rate: string;
                        }[];
                    }[];
                    split: {
                        /** @description Percent as decimal text, at most 4 decimals: 3, 1.5, 0.25 */
                        ownerShare: string;
                        /** @description Percent as decimal text, at most 4 decimals: 3, 1.5, 0.25 */
                        sourceShare: string;
                    };
                    /**
                     * @description whole 全额累进 (default), marginal 超额累进
                     * @enum {string}
                     */
                    tierMode?: "whole" | "marginal";
                    /** @description The next number (nextVersion of GET /commission-scheme) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_commission_scheme_versions_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_api_v1_commission_scheme_versions_version: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_commission_statements: {
        parameters: {
            query: {
                departmentId?: string;
                /** @description 月份 YYYY-MM in the firm's calendar */
                month: string;
                personId?: string;
                status?: "draft" | "submitted" | "approved" | "locked";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_commission_statements: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 月份 YYYY-MM in the firm's calendar */
                    month: string;
                    /** Format: uuid */
                    personId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_commission_statements_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_commission_statements_id_adjustments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Non-zero fen; negative takes off */
                    amountFen: number;
                    /** @description 调整原因 */
                    reason: string;
                    /** @description The version you last read (optimistic concurrency) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_api_v1_commission_statements_id_adjustments_adjustmentId: {
        parameters: {
            query: {
                /** @description The version you last read (optimistic concurrency) */
                version: number;
            };
            header?: never;
            path: {
                adjustmentId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_commission_statements_id_lock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version you last read (optimistic concurrency) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_commission_statements_id_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_commission_statements_id_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 请选择审批人: approvers per node key */
                    chosenApprovers?: {
                        [key: string]: string[];
                    };
                    /** @description Idempotency key of this attempt (the Idempotency-Key header wins) */
                    requestId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_commission_statements_id_xlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_commission_statements_department: {
        parameters: {
            query: {
                departmentId: string;
                /** @description 月份 YYYY-MM in the firm's calendar */
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_commission_statements_department: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    departmentId: string;
                    /** @description 月份 YYYY-MM in the firm's calendar */
                    month: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_commission_statements_department_pdf: {
        parameters: {
            query: {
                departmentId: string;
                /** @description 月份 YYYY-MM in the firm's calendar */
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_commission_statements_department_xlsx: {
        parameters: {
            query: {
                departmentId: string;
                /** @description 月份 YYYY-MM in the firm's calendar */
                month: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_commissions_lines: {
        parameters: {
            query?: {
                /** @description 月份 YYYY-MM in the firm's calendar */
                month?: string;
                personId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_commissions_running: {
        parameters: {
            query?: {
                /** @description 月份 YYYY-MM in the firm's calendar */
                month?: string;
                personId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_commissions_running_people: {
        parameters: {
            query?: {
                departmentId?: string;
                /** @description 月份 YYYY-MM in the firm's calendar */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_departments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_departments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    headUserId?: string | null;
                    name: string;
                    parentId: string | null;
                    sortOrder?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_api_v1_departments_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patch_api_v1_departments_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    headUserId?: string | null;
                    name?: string;
                    parentId?: string | null;
                    sortOrder?: number;
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_fee_adjustments_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_fee_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_fee_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    rejectionRefundPolicy: "keep" | "refund" | "refund_with_approval";
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_files: {
        parameters: {
            query: {
                /** @description Also list replaced versions */
                includeHistory?: boolean;
                subjectId: string;
                /** @description The owning record's type, e.g. 'order' */
                subjectType: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_files: {
        parameters: {
            query: {
                fileName: string;
                kind: "id_card_front" | "id_card_back" | "business_licence" | "plan_attachment" | "contract_scan" | "bank_slip" | "other";
                subjectId: string;
                /** @description The owning record's type, e.g. 'order' */
                subjectType: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_files_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_files_id_content: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_follow_ups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 跟进内容 * */
                    content?: string;
                    /**
                     * Format: uuid
                     * @description 关联客户 *
                     */
                    inquiryId: string;
                    /** @description 客户级别 (re-grade; absent: unchanged) */
                    level?: string;
                    /**
                     * Format: date-time
                     * @description 下次跟进时间 *
                     */
                    nextFollowUpAt?: string;
                    /** @description 跟进类型 * (a value of the tenant dictionary) */
                    type?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_inquiries: {
        parameters: {
            query?: {
                createdFrom?: string;
                /** @description Inclusive, in the firm’s calendar */
                createdTo?: string;
                cursor?: string;
                /** @description The department and its sub-departments */
                departmentId?: string;
                /** @description 今日待跟进 */
                dueToday?: boolean;
                /** @description Contact or company name, the last four digits of the mobile, or the whole mobile */
                keyword?: string;
                /** @description Level code (A, B, C …) */
                level?: string;
                /** @description inquiry (咨询), prospect (准客户), customer (客户) */
                lifecycle?: ("inquiry" | "prospect" | "customer")[];
                limit?: number;
                /** @description 已逾期 */
                overdue?: boolean;
                ownerId?: string;
                sort?: "nextFollowUp" | "created";
                source?: string;
                /** @description 我的 / 本部门 / 全部, inside your data scope */
                view?: "mine" | "department" | "all";
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_inquiries: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 企业名称 * */
                    companyName?: string;
                    /** @description 客户姓名 * */
                    contactName?: string;
                    departmentId?: string | null;
                    /**
                     * @description 客户性别 *
                     * @enum {string}
                     */
                    gender?: "male" | "female";
                    /** @description 客户级别 * */
                    level?: string;
                    /** @description 客户手机号码 * (+86, spaces and dashes allowed) */
                    mobile?: string;
                    /**
                     * Format: date-time
                     * @description 下次跟进时间 * (see 生成: /inquiries/next-follow-up)
                     */
                    nextFollowUpAt?: string;
                    ownerId?: string | null;
                    /** @description 客户房产 * (a value of the tenant dictionary) */
                    propertyType?: string;
                    /** @description 客户备注 * */
                    remark?: string;
                    /** @description 客户来源 * (a value of the tenant dictionary) */
                    source?: string;
                    /** @description 企业税号 (统一社会信用代码), optional */
                    taxId?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_inquiries_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patch_api_v1_inquiries_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 企业名称 * */
                    companyName?: string;
                    /** @description 客户姓名 * */
                    contactName?: string;
                    /**
                     * @description 客户性别 *
                     * @enum {string}
                     */
                    gender?: "male" | "female";
                    /** @description 客户级别 * */
                    level?: string;
                    /** @description 客户手机号码 * (+86, spaces and dashes allowed) */
                    mobile?: string;
                    /**
                     * Format: date-time
                     * @description 下次跟进时间 * (see 生成: /inquiries/next-follow-up)
                     */
                    nextFollowUpAt?: string;
                    /** @description 客户房产 * (a value of the tenant dictionary) */
                    propertyType?: string;
                    /** @description 客户备注 * */
                    remark?: string;
                    /** @description 客户来源 * (a value of the tenant dictionary) */
                    source?: string;
                    /** @description 企业税号 (统一社会信用代码), optional */
                    taxId?: string | null;
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_inquiries_id_assign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    ownerId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_inquiries_id_claim: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_inquiries_id_follow_ups: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_inquiries_id_merge: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    duplicateId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_inquiries_id_release: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_inquiries_id_timeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_inquiries_id_transfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    ownerId: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_inquiries_duplicates: {
        parameters: {
            query?: {
                companyName?: string;
                mobile?: string;
                taxId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_inquiries_next_follow_up: {
        parameters: {
            query: {
                from?: string;
                /** @description Level code (A, B, C …) */
                level: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_inquiries_next_follow_up: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    from?: string;
                    /** @description Level code (A, B, C …) */
                    level: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_inquiry_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patch_api_v1_inquiry_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allowDuplicateMobiles?: boolean;
                    cannedPhrases?: string[];
                    dictionaries?: {
                        followUpTypes?: string[];
                        propertyTypes?: string[];
                        sources?: string[];
                    };
                    grading?: {
                        levels: {
                            code: string;
                            /** @description A day is 1440 */
                            followUpIntervalMinutes: number;
                            name: string;
                            poolRecycle: {
                                noFollowUpDays: number | null;
                                overdueDays: number | null;
                            };
                        }[];
                        workingHours?: {
                            end: string;
                            extraWorkdays: string[];
                            holidays: string[];
                            /** @description HH:mm */
                            start: string;
                            /** @description 1 = Monday … 7 = Sunday */
                            workdays: number[];
                        } | null;
                    };
                    pools?: {
                        customer?: {
                            maxHoldings: number | null;
                            noFollowUpDays?: {
                                [key: string]: number | null;
                            };
                            overdueDays?: {
                                [key: string]: number | null;
                            };
                            reclaimBlockDays: number;
                            reminderDaysBefore: number | null;
                        };
                        inquiry?: {
                            maxHoldings: number | null;
                            noFollowUpDays?: {
                                [key: string]: number | null;
                            };
                            overdueDays?: {
                                [key: string]: number | null;
                            };
                            reclaimBlockDays: number;
                            reminderDaysBefore: number | null;
                        };
                    };
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_inquiry_settings_canned_phrases: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    phrases: string[];
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_inquiry_settings_form_lists: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_instalments: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description The orders’ department and its subtree */
                departmentId?: string;
                /** @description First day (inclusive) */
                from?: string;
                /** @description In the company name or order title */
                keyword?: string;
                limit?: number;
                orderId?: string;
                /** @description The orders’ owner (负责人) */
                ownerId?: string;
                /** @description today, week, month, quarter, year in the firm’s calendar (or from/to) */
                period?: "today" | "week" | "month" | "quarter" | "year";
                /** @description uncollected 未回款, partial 部分回款, collected 已回款, overdue 逾期 */
                state?: "uncollected" | "partial" | "collected" | "overdue";
                /** @description Last day (inclusive) */
                to?: string;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_instalments_export: {
        parameters: {
            query?: {
                /** @description The orders’ department and its subtree */
                departmentId?: string;
                /** @description First day (inclusive) */
                from?: string;
                /** @description In the company name or order title */
                keyword?: string;
                orderId?: string;
                /** @description The orders’ owner (负责人) */
                ownerId?: string;
                /** @description today, week, month, quarter, year in the firm’s calendar (or from/to) */
                period?: "today" | "week" | "month" | "quarter" | "year";
                /** @description uncollected 未回款, partial 部分回款, collected 已回款, overdue 逾期 */
                state?: "uncollected" | "partial" | "collected" | "overdue";
                /** @description Last day (inclusive) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_instalments_overdue: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description The orders’ department and its subtree */
                departmentId?: string;
                /** @description First day (inclusive) */
                from?: string;
                /** @description In the company name or order title */
                keyword?: string;
                limit?: number;
                orderId?: string;
                /** @description The orders’ owner (负责人) */
                ownerId?: string;
                /** @description today, week, month, quarter, year in the firm’s calendar (or from/to) */
                period?: "today" | "week" | "month" | "quarter" | "year";
                /** @description Last day (inclusive) */
                to?: string;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_invoice_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_invoice_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    capBasis?: "received" | "contract";
                    defaultServiceName?: string;
                    /** @description 开票人 (default: whoever approves the issue) */
                    drawer?: string | null;
                    /** @description 税率 in percent as text: 6, 3, 1, 0.5 */
                    generalRate?: string;
                    payee?: string | null;
                    reviewer?: string | null;
                    /** @description 销售方: the firm's invoicing profile printed on every invoice */
                    seller?: {
                        account: string;
                        address: string;
                        bank: string;
                        name: string;
                        phone: string;
                        taxId: string;
                    } | null;
                    /** @description 税率 in percent as text: 6, 3, 1, 0.5 */
                    smallScaleRate?: string;
                    /**
                     * @description general 一般纳税人, small_scale 小规模纳税人
                     * @enum {string}
                     */
                    taxpayerKind?: "general" | "small_scale";
                    /** @description The settings version you read (0 while on the defaults) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_invoices: {
        parameters: {
            query?: {
                /** @description Part of the buyer's name or tax id */
                buyer?: string;
                cursor?: string;
                /** @description blue 蓝字, red 红字 */
                direction?: "blue" | "red";
                /** @description 开票日期 from (inclusive) */
                issuedFrom?: string;
                /** @description 开票日期 to (inclusive) */
                issuedTo?: string;
                /** @description ordinary 普通发票, special 专用发票 */
                kind?: "ordinary" | "special";
                limit?: number;
                /** @description 发票号码 or its start */
                number?: string;
                orderId?: string;
                /** @description draft 草稿, pending 待审批, issued 已开具, partially_reversed 部分红冲, reversed 已红冲, cancelled 已作废 */
                state?: "draft" | "pending" | "issued" | "partially_reversed" | "reversed" | "cancelled";
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_invoices: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    buyer?: {
                        /** @description 银行账号 (special invoice; checked as a bank card number) */
                        account?: string | null;
                        /** @description Keep an account number that fails the card checks (length or Luhn), e.g. a company account */
                        accountConfirmed?: boolean;
                        /** @description 地址 (special invoice) */
                        address?: string | null;
                        /** @description 开户行 (special invoice) */
                        bank?: string | null;
                        /** @description 名称 (default: the order's company) */
                        name?: string | null;
                        /** @description 电话 (special invoice) */
                        phone?: string | null;
                        /** @description 纳税人识别号 (default: the enterprise profile's tax id; required on a special invoice) */
                        taxId?: string | null;
                    };
                    /**
                     * @description ordinary 普通发票, special 专用发票
                     * @enum {string}
                     */
                    kind?: "ordinary" | "special";
                    lines?: {
                        /** @description 项目名称 (default: the tenant's service name) */
                        name?: string;
                        /** @description 数量, e.g. 1 */
                        quantity?: string | null;
                        /** @description 税率 (default: the tenant's rate) */
                        taxRate?: string;
                        /** @description 价税合计 of the line in fen (VAT included) */
                        totalFen: number;
                    }[];
                    /** Format: uuid */
                    orderId: string;
                    /** @description Approved receipts (回款单) marked 开票 to invoice */
                    receiptIds?: string[];
                    /** @description 备注 */
                    remarks?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_invoices_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patch_api_v1_invoices_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    buyer?: {
                        /** @description 银行账号 (special invoice; checked as a bank card number) */
                        account?: string | null;
                        /** @description Keep an account number that fails the card checks (length or Luhn), e.g. a company account */
                        accountConfirmed?: boolean;
                        /** @description 地址 (special invoice) */
                        address?: string | null;
                        /** @description 开户行 (special invoice) */
                        bank?: string | null;
                        /** @description 名称 (default: the order's company) */
                        name?: string | null;
                        /** @description 电话 (special invoice) */
                        phone?: string | null;
                        /** @description 纳税人识别号 (default: the enterprise profile's tax id; required on a special invoice) */
                        taxId?: string | null;
                    };
                    /**
                     * @description ordinary 普通发票, special 专用发票
                     * @enum {string}
                     */
                    kind?: "ordinary" | "special";
                    lines?: {
                        /** @description 项目名称 (default: the tenant's service name) */
                        name?: string;
                        /** @description 数量, e.g. 1 */
                        quantity?: string | null;
                        /** @description 税率 (default: the tenant's rate) */
                        taxRate?: string;
                        /** @description 价税合计 of the line in fen (VAT included) */
                        totalFen: number;
                    }[];
                    /** @description Approved receipts (回款单) marked 开票 to invoice */
                    receiptIds?: string[];
                    /** @description 备注 */
                    remarks?: string | null;
                    /** @description The version you last read (optimistic concurrency) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_invoices_id_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version you last read (optimistic concurrency) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_invoices_id_pdf: {
        parameters: {
            query?: {
                /** @description attachment (default) downloads; inline shows it in a same-origin frame */
                disposition?: "attachment" | "inline";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_invoices_id_red_letter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines?: {
                        lineNo: number;
                        /** @description Money in fen (分), an integer */
                        totalFen: number;
                    }[];
                    /** @description 红冲原因 */
                    reason: string;
                    /** @description 备注 */
                    remarks?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_invoices_id_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 请选择审批人: per node key, the approvers */
                    chosenApprovers?: {
                        [key: string]: string[];
                    };
                    requestId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_invoices_id_timeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_invoices_export: {
        parameters: {
            query?: {
                /** @description Part of the buyer's name or tax id */
                buyer?: string;
                /** @description blue 蓝字, red 红字 */
                direction?: "blue" | "red";
                /** @description 开票日期 from (inclusive) */
                issuedFrom?: string;
                /** @description 开票日期 to (inclusive) */
                issuedTo?: string;
                /** @description ordinary 普通发票, special 专用发票 */
                kind?: "ordinary" | "special";
                /** @description 发票号码 or its start */
                number?: string;
                orderId?: string;
                /** @description draft 草稿, pending 待审批, issued 已开具, partially_reversed 部分红冲, reversed 已红冲, cancelled 已作废 */
                state?: "draft" | "pending" | "issued" | "partially_reversed" | "reversed" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_loans_compare: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Nominal annual rate as an exact decimal: "0.0435" is 4.35 % */
                    annualRate: string;
                    months: number;
                    /** @description Amount borrowed in fen */
                    principalFen: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_loans_schedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Nominal annual rate as an exact decimal: "0.0435" is 4.35 % */
                    annualRate: string;
                    /** @enum {string} */
                    method: "equal-installment" | "equal-principal" | "interest-first" | "bullet";
                    months: number;
                    /** @description Amount borrowed in fen */
                    principalFen: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_messages: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description approval 审批, assignment 分配与转交, follow_up 跟进提醒, pool 公海, application 申请进度, finance 回款与发票, task 任务 */
                kind?: "approval" | "assignment" | "follow_up" | "pool" | "application" | "finance" | "task";
                limit?: number;
                unread?: boolean;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_messages_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_messages_id_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_messages_read_all: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description approval 审批, assignment 分配与转交, follow_up 跟进提醒, pool 公海, application 申请进度, finance 回款与发票, task 任务
                     * @enum {string}
                     */
                    kind?: "approval" | "assignment" | "follow_up" | "pool" | "application" | "finance" | "task";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_messages_unread_count: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_order_profiles_duplicate_check: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    bankCard?: string;
                    companyName?: string;
                    /** Format: uuid */
                    excludeOrderId?: string;
                    legalPersonIdNumber?: string;
                    taxId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_order_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_order_settings_pipeline: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description default or contract_first */
                    preset?: string;
                    stages?: {
                        exitGuards: ("profile_complete" | "has_plan" | "products_matched" | "internal_review_approved" | "contract_confirmed" | "fully_collected" | "close_approved")[];
                        final?: boolean;
                        key: string;
                        name: string;
                        progress: number;
                        /** @description The stage a confirmed contract moves the order into (合同赢单) */
                        won?: boolean;
                    }[];
                    /** @description The settings version you read (0 while on the defaults) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_order_settings_profile_fields: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    requiredProfileFields: ("companyName" | "taxId" | "legalPersonName" | "legalPersonMobile" | "legalPersonIdNumber" | "bankCard" | "bankBranch" | "homeAddress" | "maritalStatus" | "taxSecrets" | "idCardFront" | "idCardBack" | "businessLicence" | "contactName" | "contactRelationship")[];
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders: {
        parameters: {
            query?: {
                createdFrom?: string;
                /** @description Inclusive, in the firm’s calendar */
                createdTo?: string;
                cursor?: string;
                handlerId?: string;
                /** @description In the title or the company name */
                keyword?: string;
                limit?: number;
                ownerId?: string;
                /** @description A stage key, or lost / cancelled */
                stage?: string;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
                /** @description 赢单 (contract confirmed) from */
                wonFrom?: string;
                /** @description Inclusive, in the firm’s calendar */
                wonTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_orders: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 归属部门; default the owner's */
                    departmentId?: string | null;
                    /**
                     * Format: uuid
                     * @description 当前处理人; default the owner
                     */
                    handlerId?: string;
                    /** Format: uuid */
                    inquiryId: string;
                    /**
                     * Format: uuid
                     * @description 归属人员; default yourself, anyone else needs pool.assign
                     */
                    ownerId?: string;
                    /** @description 订单标题 *, e.g. 企业信用贷 */
                    title: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patch_api_v1_orders_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    departmentId?: string | null;
                    /** Format: uuid */
                    ownerId?: string;
                    title?: string;
                    /** @description The version of the order you last read (optimistic concurrency) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_checklist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_orders_id_checklist_marks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 流水起始日期 (银行流水), both days counted */
                    coversFrom?: string | null;
                    /** @description 流水截止日期 */
                    coversTo?: string | null;
                    /** @description 资料名称, e.g. '征信报告'; a file counts for every product needing a document of that name */
                    document: string;
                    /** @description 出具日期 (征信报告) */
                    documentDate?: string | null;
                    /** @description 有效期至 (营业执照) */
                    expiresOn?: string | null;
                    /**
                     * Format: uuid
                     * @description One of the order’s current files
                     */
                    fileId: string;
                    /** @description 长期有效 (no expiry date) */
                    longTerm?: boolean;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_api_v1_orders_id_checklist_marks_fileId: {
        parameters: {
            query: {
                /** @description 资料名称, e.g. '征信报告'; a file counts for every product needing a document of that name */
                document: string;
            };
            header?: never;
            path: {
                fileId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_orders_id_close: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 请选择审批人: approvers per node key */
                    chosenApprovers?: {
                        [key: string]: string[];
                    };
                    /** @description Idempotency key of this attempt (the Idempotency-Key header wins) */
                    requestId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_collection_plan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_orders_id_collection_plan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string | null;
                    /** @description equal 平均分期 (count, firstDueOn, intervalMonths); percentages 按比例 (shares of percent and dueOn, adding up to 100); deposit 定金+放款后付清 (depositFen or depositPercent, depositDueOn); manual 手工录入 (instalments). The fen remainder goes on the last instalment. */
                    spec: {
                        count?: number;
                        /** Format: date */
                        depositDueOn?: string;
                        /** @description Money in fen (分), an integer */
                        depositFen?: number;
                        /** @description Percent, at most two decimals */
                        depositPercent?: number;
                        /** Format: date */
                        firstDueOn?: string;
                        instalments?: {
                            /** @description Money in fen (分), an integer */
                            amountFen: number;
                            dueOn: string | null;
                            /** @description 放款后付清: due on the disbursement date */
                            onDisbursement?: boolean;
                        }[];
                        intervalMonths?: number;
                        /** @enum {string} */
                        method: "equal" | "percentages" | "deposit" | "manual";
                        shares?: {
                            /** Format: date */
                            dueOn: string;
                            /** @description Percent, at most two decimals */
                            percent: number;
                        }[];
                    };
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_api_v1_orders_id_collection_plan: {
        parameters: {
            query: {
                version: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_orders_id_collection_plan_preview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    count?: number;
                    /** Format: date */
                    depositDueOn?: string;
                    /** @description Money in fen (分), an integer */
                    depositFen?: number;
                    /** @description Percent, at most two decimals */
                    depositPercent?: number;
                    /** Format: date */
                    firstDueOn?: string;
                    instalments?: {
                        /** @description Money in fen (分), an integer */
                        amountFen: number;
                        dueOn: string | null;
                        /** @description 放款后付清: due on the disbursement date */
                        onDisbursement?: boolean;
                    }[];
                    intervalMonths?: number;
                    /** @enum {string} */
                    method: "equal" | "percentages" | "deposit" | "manual";
                    shares?: {
                        /** Format: date */
                        dueOn: string;
                        /** @description Percent, at most two decimals */
                        percent: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_collection_plan_revisions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_contract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_orders_id_contract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 合同金额 * in fen */
                    amountFen: number;
                    /** @description 甲方 * */
                    customerParty: string;
                    customerSignatory?: string | null;
                    /** @description 乙方 * */
                    firmParty: string;
                    firmSignatory?: string | null;
                    /** @description 合同编号 * (unique in the firm) */
                    number: string;
                    /** @description 签订日期 * (YYYY-MM-DD) */
                    signedOn: string;
                    /** @description The version of the order you last read (optimistic concurrency) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_contract_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_orders_id_contract_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version of the order you last read (optimistic concurrency) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_contract_document: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_orders_id_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                    remark?: string;
                    toStage?: string;
                    /** Format: uuid */
                    toUserId?: string;
                    /** @enum {string} */
                    type: "advance" | "rollback" | "hand_over" | "mark_lost" | "cancel" | "reopen" | "complete";
                    /** @description The version of the order you last read (optimistic concurrency) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_invoiceable: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_match_facts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_orders_id_match_facts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    facts: {
                        annualInvoicingFen?: number | null;
                        annualTaxPaidFen?: number | null;
                        companyRegisteredOn?: string | null;
                        existingDebtFen?: number | null;
                        ownsProperty?: boolean | null;
                        ownsVehicle?: boolean | null;
                        regionCode?: string | null;
                        regionName?: string | null;
                        requestedAmountFen?: number | null;
                        taxCreditRating?: ("A" | "B" | "M" | "C" | "D") | null;
                    };
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_plan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_orders_id_plan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 预计完成时间 * (YYYY-MM-DD) */
                    expectedCompletion: string;
                    /** @description 财务计划、用途 */
                    financialPlan?: string | null;
                    /** @description 融资规划建议 * */
                    financingAdvice: string;
                    /** @description 项目概述、资质分析 * */
                    overview: string;
                    /** @description 项目名称 * */
                    projectName: string;
                    /** @description The version of the order you last read (optimistic concurrency) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_plan_pdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_product_lines: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_orders_id_product_lines: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lines: {
                        discountFen?: number;
                        /** Format: uuid */
                        productId: string;
                        quantity?: number;
                        serviceFeeFen?: number;
                    }[];
                    /**
                     * @description How newly added products were chosen (default manual)
                     * @enum {string}
                     */
                    source?: "auto" | "manual";
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_orders_id_product_lines_lineId_application_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description submit 提交申请 | approve 批核 (approvedAmountFen, annualRatePercent, termMonths) | reject 拒绝 (reason) | disburse 放款 (disbursedAmountFen, disbursedOn) | withdraw 撤回 (reason?) */
                    event: {
                        /** @description Percent a year as decimal text: "3.65" is 3.65 % */
                        annualRatePercent?: string;
                        approvedAmountFen?: number;
                        disbursedAmountFen?: number;
                        disbursedOn?: string;
                        reason?: string;
                        termMonths?: number;
                        /** @enum {string} */
                        type: "submit" | "approve" | "reject" | "disburse" | "withdraw";
                    };
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_orders_id_product_lines_lineId_disbursement_correction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    disbursedAmountFen: number;
                    reason: string;
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_product_lines_lineId_fee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_orders_id_product_lines_lineId_repayment_comparison: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                lineId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Percent a year as decimal text: "3.65" is 3.65 % */
                    annualRatePercent?: string;
                    months?: number;
                    principalFen?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_product_matches: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_profile: {
        parameters: {
            query?: {
                unmasked?: boolean;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patch_api_v1_orders_id_profile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 开户网点 */
                    bankBranch?: string | null;
                    /** @description 法人银行卡号 (16-19 digits) */
                    bankCard?: string | null;
                    /** @description Confirms a card number that fails the Luhn check (identity.bank_card_luhn) */
                    bankCardLuhnConfirmed?: boolean;
                    /** @description 企业名称 */
                    companyName?: string;
                    /** @description 联系人 */
                    contactName?: string | null;
                    /** @description 与客户关系 */
                    contactRelationship?: string | null;
                    /** @description 法人居住地址 */
                    homeAddress?: string | null;
                    /** @description 法人身份证号 (GB 11643); age, birth date and gender derive from it */
                    legalPersonIdNumber?: string | null;
                    /** @description 法人手机号 * */
                    legalPersonMobile?: string | null;
                    /** @description 法人姓名 * */
                    legalPersonName?: string | null;
                    /** @description 法人婚姻状态 * */
                    maritalStatus?: ("unmarried" | "married" | "divorced" | "widowed") | null;
                    /** @description 企业税号 * (统一社会信用代码, GB 32100) */
                    taxId?: string | null;
                    /** @description 税务秘密 (stored encrypted) */
                    taxSecrets?: string | null;
                    /** @description The version of the order you last read (optimistic concurrency) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_receipts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_status_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_orders_id_status_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_orders_id_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description 下一节点操作人 *
                     */
                    nextHandlerId: string;
                    /** @description 操作备注 * */
                    remark: string;
                    /** @description The version of the order you last read (optimistic concurrency) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_orders_id_timeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_outbox_parked: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_outbox_parked_id_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_import_export_exports: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_import_export_exports_inquiries_xlsx: {
        parameters: {
            query?: {
                createdFrom?: string;
                /** @description Inclusive, in the firm’s calendar */
                createdTo?: string;
                /** @description The department and its sub-departments */
                departmentId?: string;
                /** @description 今日待跟进 */
                dueToday?: boolean;
                /** @description Contact or company name, the last four digits of the mobile, or the whole mobile */
                keyword?: string;
                /** @description Level code (A, B, C …) */
                level?: string;
                /** @description inquiry (咨询), prospect (准客户), customer (客户) */
                lifecycle?: ("inquiry" | "prospect" | "customer")[];
                /** @description 已逾期 */
                overdue?: boolean;
                ownerId?: string;
                sort?: "nextFollowUp" | "created";
                source?: string;
                /** @description 我的 / 本部门 / 全部, inside your data scope */
                view?: "mine" | "department" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_import_export_exports_users_xlsx: {
        parameters: {
            query?: {
                active?: boolean;
                departmentId?: string;
                keyword?: string;
                role?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_import_export_imports: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_plugins_import_export_imports: {
        parameters: {
            query?: {
                /** @description The file's name, shown in the job and in the 动态 of each record */
                fileName?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description OK */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        columns?: string[];
                        counts?: {
                            duplicates?: number;
                            imported?: number;
                            invalid?: number;
                        };
                        /** Format: date-time */
                        createdAt?: string;
                        /** Format: uuid */
                        createdBy?: string;
                        error?: null | {
                            code?: string;
                            details?: Record<string, never>;
                            message?: string;
                        };
                        fileName?: string;
                        finishedAt?: string | null;
                        /** @enum {string} */
                        format?: "xlsx" | "csv";
                        /** Format: uuid */
                        id?: string;
                        ignoredColumns?: string[];
                        percentage?: number;
                        processed?: number;
                        reportUrl?: string;
                        sizeBytes?: number;
                        startedAt?: string | null;
                        /** @enum {string} */
                        status?: "queued" | "running" | "succeeded" | "failed";
                        total?: number | null;
                    };
                };
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_import_export_imports_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        columns?: string[];
                        counts?: {
                            duplicates?: number;
                            imported?: number;
                            invalid?: number;
                        };
                        /** Format: date-time */
                        createdAt?: string;
                        /** Format: uuid */
                        createdBy?: string;
                        error?: null | {
                            code?: string;
                            details?: Record<string, never>;
                            message?: string;
                        };
                        fileName?: string;
                        finishedAt?: string | null;
                        /** @enum {string} */
                        format?: "xlsx" | "csv";
                        /** Format: uuid */
                        id?: string;
                        ignoredColumns?: string[];
                        percentage?: number;
                        processed?: number;
                        reportUrl?: string;
                        sizeBytes?: number;
                        startedAt?: string | null;
                        /** @enum {string} */
                        status?: "queued" | "running" | "succeeded" | "failed";
                        total?: number | null;
                    };
                };
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_import_export_imports_id_report_xlsx: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_import_export_imports_columns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_import_export_imports_template_xlsx: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_notifications_channels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_plugins_notifications_channels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        baseUrl?: string | null;
                        /** @enum {string} */
                        channel: "wecom" | "dingtalk" | "sms";
                        enabled: boolean;
                        secret?: string;
                        settings: {
                            [key: string]: unknown;
                        };
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_plugins_notifications_channels_channel_test: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel: "wecom" | "dingtalk" | "sms";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    userId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_notifications_deliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                state?: "waiting" | "sent" | "parked";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_plugins_notifications_deliveries_id_retry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_notifications_preferences_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_plugins_notifications_preferences_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    channels?: {
                        [key: string]: string[];
                    };
                    digest?: {
                        at: string;
                        kinds: string[];
                    } | null;
                    quietHours?: {
                        end: string;
                        start: string;
                    } | null;
                    urgentKinds?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_notifications_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consoleUrl: string | null;
                    };
                };
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_plugins_notifications_settings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    consoleUrl: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consoleUrl: string | null;
                    };
                };
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_webhooks_deliveries: {
        parameters: {
            query?: {
                cursor?: string;
                endpointId?: string;
                limit?: number;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_webhooks_deliveries_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_plugins_webhooks_deliveries_id_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_webhooks_endpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_plugins_webhooks_endpoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    description?: string;
                    /** @description Event types (inquiry.created, order.handed_over …) or "*" for all */
                    events: string[];
                    url: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_webhooks_endpoints_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_api_v1_plugins_webhooks_endpoints_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patch_api_v1_plugins_webhooks_endpoints_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    description?: string;
                    /** @description Event types (inquiry.created, order.handed_over …) or "*" for all */
                    events?: string[];
                    url?: string;
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_plugins_webhooks_endpoints_id_rotate_secret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_workbench_credentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_plugins_workbench_credentials_vendor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                vendor: "wecom" | "dingtalk";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agentId: number;
                    appKey?: string | null;
                    baseUrl?: string | null;
                    browserUrl?: string | null;
                    corpId: string;
                    secret?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_workbench_dingtalk_callback: {
        parameters: {
            query: {
                code: string;
                state: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_workbench_dingtalk_start: {
        parameters: {
            query: {
                next?: string;
                tenant: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_workbench_wecom_callback: {
        parameters: {
            query: {
                code: string;
                state: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_plugins_workbench_wecom_start: {
        parameters: {
            query: {
                next?: string;
                tenant: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_pools_pool: {
        parameters: {
            query?: {
                createdFrom?: string;
                /** @description Inclusive, in the firm’s calendar */
                createdTo?: string;
                cursor?: string;
                /** @description The department and its sub-departments */
                departmentId?: string;
                /** @description 今日待跟进 */
                dueToday?: boolean;
                /** @description Contact or company name, the last four digits of the mobile, or the whole mobile */
                keyword?: string;
                /** @description Level code (A, B, C …) */
                level?: string;
                /** @description inquiry (咨询), prospect (准客户), customer (客户) */
                lifecycle?: ("inquiry" | "prospect" | "customer")[];
                limit?: number;
                /** @description 已逾期 */
                overdue?: boolean;
                ownerId?: string;
                sort?: "nextFollowUp" | "created";
                source?: string;
                /** @description 我的 / 本部门 / 全部, inside your data scope */
                view?: "mine" | "department" | "all";
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path: {
                pool: "inquiry" | "customer";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_pools_recycle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_product_categories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_product_categories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    name: string;
                    sortOrder: number;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patch_api_v1_product_categories_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name?: string;
                    sortOrder?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_product_institutions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_products: {
        parameters: {
            query?: {
                active?: boolean;
                category?: string;
                cursor?: string;
                institution?: string;
                keyword?: string;
                limit?: number;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_products: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active: boolean;
                    amountFen: {
                        /** @description Money in fen (分), an integer */
                        max: number;
                        /** @description Money in fen (分), an integer */
                        min: number;
                    };
                    annualRatePercent: {
                        /** @description Percent a year as decimal text: "3.65" is 3.65 % */
                        max: string;
                        /** @description Percent a year as decimal text: "3.65" is 3.65 % */
                        min: string;
                    };
                    categoryCode: string;
                    /** @description Money in fen (分), an integer */
                    defaultServiceFeeFen: number;
                    /** @description Read-only here (ignored): set the fee rule with PUT /products/{id}/fee-rule */
                    feeRule?: unknown;
                    institution: string;
                    name: string;
                    /** @description 产品编号; the next free number when left out */
                    number?: number;
                    repaymentMethods: ("equal_installment" | "equal_principal" | "interest_first" | "bullet")[];
                    requiredDocuments: string[];
                    requirements: {
                        /** @enum {string} */
                        kind: "companyAgeMonths" | "taxCreditRating" | "annualTaxPaid" | "annualInvoicing" | "legalRepAge" | "region" | "needsProperty" | "needsVehicle" | "maxExistingDebt";
                        max?: number;
                        maxFen?: number;
                        min?: number;
                        minFen?: number;
                        prefixes?: string[];
                        ratings?: string[];
                    }[];
                    termMonths: {
                        max: number;
                        min: number;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_products_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_products_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active: boolean;
                    amountFen: {
                        /** @description Money in fen (分), an integer */
                        max: number;
                        /** @description Money in fen (分), an integer */
                        min: number;
                    };
                    annualRatePercent: {
                        /** @description Percent a year as decimal text: "3.65" is 3.65 % */
                        max: string;
                        /** @description Percent a year as decimal text: "3.65" is 3.65 % */
                        min: string;
                    };
                    categoryCode: string;
                    /** @description Money in fen (分), an integer */
                    defaultServiceFeeFen: number;
                    /** @description Read-only here (ignored): set the fee rule with PUT /products/{id}/fee-rule */
                    feeRule?: unknown;
                    institution: string;
                    name: string;
                    /** @description 产品编号; the next free number when left out */
                    number?: number;
                    repaymentMethods: ("equal_installment" | "equal_principal" | "interest_first" | "bullet")[];
                    requiredDocuments: string[];
                    requirements: {
                        /** @enum {string} */
                        kind: "companyAgeMonths" | "taxCreditRating" | "annualTaxPaid" | "annualInvoicing" | "legalRepAge" | "region" | "needsProperty" | "needsVehicle" | "maxExistingDebt";
                        max?: number;
                        maxFen?: number;
                        min?: number;
                        minFen?: number;
                        prefixes?: string[];
                        ratings?: string[];
                    }[];
                    termMonths: {
                        max: number;
                        min: number;
                    };
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_api_v1_products_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_products_id_checklist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_products_id_checklist: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    documents: {
                        /** @description Refuse 提交申请 while this document is missing or expired */
                        blocksSubmission: boolean;
                        /** @description 资料名称, e.g. '征信报告'; a file counts for every product needing a document of that name */
                        document: string;
                        validity?: {
                            days?: number;
                            endWithinDays?: number;
                            /**
                             * @description none 长期有效; days_from_document_date 出具日起 days 天; covers_last_months 覆盖近 months 个月 (ending at most endWithinDays days before use, default 30); until_expiry_date 有效期内
                             * @enum {string}
                             */
                            kind: "none" | "days_from_document_date" | "covers_last_months" | "until_expiry_date";
                            months?: number;
                        };
                    }[];
                    /** @description The version you read (0: none saved yet) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_products_id_fee_rule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_products_id_fee_rule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rule: Record<string, never> | null;
                    /** @description The product's version */
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_prospects: {
        parameters: {
            query?: {
                createdFrom?: string;
                /** @description Inclusive, in the firm’s calendar */
                createdTo?: string;
                cursor?: string;
                /** @description The department and its sub-departments */
                departmentId?: string;
                /** @description 今日待跟进 */
                dueToday?: boolean;
                /** @description Contact or company name, the last four digits of the mobile, or the whole mobile */
                keyword?: string;
                /** @description Level code (A, B, C …) */
                level?: string;
                /** @description inquiry (咨询), prospect (准客户), customer (客户) */
                lifecycle?: ("inquiry" | "prospect" | "customer")[];
                limit?: number;
                /** @description 已逾期 */
                overdue?: boolean;
                ownerId?: string;
                sort?: "nextFollowUp" | "created";
                source?: string;
                /** @description 我的 / 本部门 / 全部, inside your data scope */
                view?: "mine" | "department" | "all";
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_public_order_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    lastFour: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_receipts: {
        parameters: {
            query?: {
                cursor?: string;
                /** @description The orders’ department and its subtree */
                departmentId?: string;
                /** @description First day (inclusive) */
                from?: string;
                /** @description In the company name or order title */
                keyword?: string;
                limit?: number;
                orderId?: string;
                /** @description The orders’ owner (负责人) */
                ownerId?: string;
                paymentMethod?: string;
                /** @description today, week, month, quarter, year in the firm’s calendar (or from/to) */
                period?: "today" | "week" | "month" | "quarter" | "year";
                /** @description 收款人员 */
                receivedBy?: string;
                /** @description draft 草稿, pending 待审批, approved 已确认, rejected 已驳回, reversing 冲销中, reversed 已冲销 */
                state?: "draft" | "pending" | "approved" | "rejected" | "reversing" | "reversed";
                /** @description Last day (inclusive) */
                to?: string;
                type?: string;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_receipts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 回款金额 in fen */
                    amountFen: number;
                    /** @description 请选择审批人: approvers per node key */
                    chosenApprovers?: {
                        [key: string]: string[];
                    };
                    /** @description 期次: the instalment this pays first (default: oldest due first) */
                    instalmentId?: string | null;
                    /** @description 发票类型: normal 普通, special 专用 (required with invoiceWanted) */
                    invoiceKind?: ("normal" | "special") | null;
                    /** @description 是否开票 */
                    invoiceWanted: boolean;
                    /** Format: uuid */
                    orderId: string;
                    /** @description 超额回款: the receipt is more than is owed (the firm must allow it) */
                    overpayment?: boolean;
                    /** @description 付款人 */
                    payer: string;
                    /** @description 付款方式, from the firm’s dictionary (转账, 现金, 微信, 支付宝 …) */
                    paymentMethod: string;
                    /**
                     * Format: uuid
                     * @description 收款人员 (default: you)
                     */
                    receivedBy?: string;
                    /**
                     * Format: date
                     * @description 回款日期 (not after today)
                     */
                    receivedOn: string;
                    remark?: string | null;
                    /** @description Idempotency key of this attempt (the Idempotency-Key header wins) */
                    requestId?: string;
                    /** @description Submit to the receipt approval flow right away */
                    submit?: boolean;
                    /** @description 回款类型, from the firm’s dictionary (服务费, 保证金 …) */
                    type: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_receipts_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_api_v1_receipts_id: {
        parameters: {
            query: {
                version: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patch_api_v1_receipts_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 回款金额 in fen */
                    amountFen?: number;
                    /** @description 期次: the instalment this pays first (default: oldest due first) */
                    instalmentId?: string | null;
                    /** @description 发票类型: normal 普通, special 专用 (required with invoiceWanted) */
                    invoiceKind?: ("normal" | "special") | null;
                    /** @description 是否开票 */
                    invoiceWanted?: boolean;
                    /** @description 超额回款: the receipt is more than is owed (the firm must allow it) */
                    overpayment?: boolean;
                    /** @description 付款人 */
                    payer?: string;
                    /** @description 付款方式, from the firm’s dictionary (转账, 现金, 微信, 支付宝 …) */
                    paymentMethod?: string;
                    /**
                     * Format: uuid
                     * @description 收款人员 (default: you)
                     */
                    receivedBy?: string;
                    /**
                     * Format: date
                     * @description 回款日期 (not after today)
                     */
                    receivedOn?: string;
                    remark?: string | null;
                    /** @description 回款类型, from the firm’s dictionary (服务费, 保证金 …) */
                    type?: string;
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_receipts_id_reversal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 请选择审批人: approvers per node key */
                    chosenApprovers?: {
                        [key: string]: string[];
                    };
                    reason: string;
                    /** @description Idempotency key of this attempt (the Idempotency-Key header wins) */
                    requestId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_receipts_id_submit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 请选择审批人: approvers per node key */
                    chosenApprovers?: {
                        [key: string]: string[];
                    };
                    /** @description Idempotency key of this attempt (the Idempotency-Key header wins) */
                    requestId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_receipts_awaiting_me: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_receipts_export: {
        parameters: {
            query?: {
                /** @description The orders’ department and its subtree */
                departmentId?: string;
                /** @description First day (inclusive) */
                from?: string;
                /** @description In the company name or order title */
                keyword?: string;
                orderId?: string;
                /** @description The orders’ owner (负责人) */
                ownerId?: string;
                paymentMethod?: string;
                /** @description today, week, month, quarter, year in the firm’s calendar (or from/to) */
                period?: "today" | "week" | "month" | "quarter" | "year";
                /** @description 收款人员 */
                receivedBy?: string;
                /** @description draft 草稿, pending 待审批, approved 已确认, rejected 已驳回, reversing 冲销中, reversed 已冲销 */
                state?: "draft" | "pending" | "approved" | "rejected" | "reversing" | "reversed";
                /** @description Last day (inclusive) */
                to?: string;
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_roles: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_roles_code: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {unknown} */
                    dataScope: "self" | "department" | "department_tree" | "tenant";
                    name: string;
                    permissions: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_targets: {
        parameters: {
            query: {
                /** @description A month '2026-12' or a quarter '2026-Q4' (Q1 = January–March) */
                period: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_targets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    targets: {
                        /** @description 目标金额 in fen; 0 shows no percentage */
                        amountFen: number;
                        /**
                         * @description contract 合同金额, disbursed 放款金额, collected 回款金额
                         * @enum {string}
                         */
                        metric: "contract" | "disbursed" | "collected";
                        /** @description A month '2026-12' or a quarter '2026-Q4' (Q1 = January–March) */
                        period: string;
                        /** Format: uuid */
                        subjectId: string;
                        /**
                         * @description person 人员 or department 部门
                         * @enum {string}
                         */
                        subjectKind: "person" | "department";
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    delete_api_v1_targets_subjectKind_subjectId_metric_period: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description contract 合同金额, disbursed 放款金额, collected 回款金额 */
                metric: "contract" | "disbursed" | "collected";
                /** @description A month '2026-12' or a quarter '2026-Q4' (Q1 = January–March) */
                period: string;
                subjectId: string;
                /** @description person 人员 or department 部门 */
                subjectKind: "person" | "department";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_task_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    put_api_v1_task_rules_key: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: "application_applying" | "follow_up_overdue";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    afterDays: number;
                    dueInHours: number;
                    enabled: boolean;
                    /**
                     * @description low 低, normal 普通, high 高, urgent 紧急
                     * @enum {string}
                     */
                    priority: "low" | "normal" | "high" | "urgent";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_tasks: {
        parameters: {
            query?: {
                assigneeId?: string;
                cursor?: string;
                dueFrom?: string;
                dueTo?: string;
                limit?: number;
                /** @description Only open tasks past their due time (逾期) */
                overdue?: boolean;
                relatedId?: string;
                relatedType?: "inquiry" | "order" | "approval_instance" | "receipt" | "invoice" | "customer";
                /** @description todo 待办, in_progress 进行中, done 已完成, cancelled 已取消 (repeat for several) */
                status?: ("todo" | "in_progress" | "done" | "cancelled")[];
                view?: "mine" | "created" | "all";
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_tasks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    assigneeId?: string;
                    description?: string;
                    dueAt?: string | null;
                    /**
                     * @description low 低, normal 普通, high 高, urgent 紧急
                     * @enum {string}
                     */
                    priority?: "low" | "normal" | "high" | "urgent";
                    /** @description 关联记录 The record the task is about */
                    related?: {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        type: "inquiry" | "order" | "approval_instance" | "receipt" | "invoice" | "customer";
                    } | null;
                    title: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_tasks_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patch_api_v1_tasks_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    assigneeId?: string;
                    description?: string;
                    dueAt?: string | null;
                    /**
                     * @description low 低, normal 普通, high 高, urgent 紧急
                     * @enum {string}
                     */
                    priority?: "low" | "normal" | "high" | "urgent";
                    /** @description 关联记录 The record the task is about */
                    related?: {
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        type: "inquiry" | "order" | "approval_instance" | "receipt" | "invoice" | "customer";
                    } | null;
                    title?: string;
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_tasks_id_comments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_tasks_id_comments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_tasks_id_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    event: "start" | "complete" | "cancel" | "reopen";
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_tenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_users: {
        parameters: {
            query?: {
                active?: boolean;
                cursor?: string;
                departmentId?: string;
                keyword?: string;
                limit?: number;
                role?: string;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_users: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    departmentId: string | null;
                    /** @description China mainland mobile (normalised: +86, spaces and dashes removed) */
                    mobile: string;
                    name: string;
                    password: string;
                    roleCodes: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_users_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    patch_api_v1_users_id: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    departmentId?: string | null;
                    name?: string;
                    roleCodes?: string[];
                    version: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    post_api_v1_users_id_password: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_workcenter_inbox: {
        parameters: {
            query: {
                cursor?: string;
                /** @description approval 待我审批, order 我处理的订单, follow_up 待跟进 (today and overdue), receipt 回款办理, instalment 回款到期 (due soon or overdue), task 我的任务 */
                kind: "approval" | "order" | "follow_up" | "receipt" | "instalment" | "task";
                limit?: number;
                /** @description Also count all matching rows (共N条) */
                withTotal?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_workcenter_inbox_counts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    get_api_v1_workcenter_inbox_stream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Error (application/problem+json) with the domain code */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
