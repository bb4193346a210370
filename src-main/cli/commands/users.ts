/** `casebinder users`: the agency's sign-in accounts; `bootstrap` creates the first admin on a home without users. */
import type { Command } from 'commander'
import { ROLE_LABELS, ROLES } from '../../core/roles'
import { RolesSchema } from '../../core/users'
import type { Door } from '../run'
import { fail, type Printer } from '../output'
import { collect, defined, pickAll } from '../args'
import { z } from 'zod'

/**
 * A password is never an argument (it would sit in the shell history and the process list): it is read from a variable.
 * Before the command, `--password-env` is the signed-in user's (main.ts); bootstrap's own names the first admin's;
 * `--new-password-env` names the password being set for another user.
 */
function passwordFrom(variable: string): string {
  const v = process.env[variable]
  if (!v)
    return fail('VALIDATION_FAILED', `环境变量 ${variable} 未设置：请把密码放在该变量中`, {
      issues: [{ path: '--password-env', message: '未设置' }]
    })
  return v
}

const roleOf = z.enum(ROLES)
const rolesText = (roles: readonly (typeof ROLES)[number][]) => roles.map((r) => ROLE_LABELS[r]).join('、')

export function registerUsers(program: Command, { run }: Door, out: Printer): void {
  const users = program.command('users').description('sign-in accounts (用户)')
  users
    .command('bootstrap')
    .description('create the first admin of a home without users')
    .requiredOption('--login <s>', '登录名')
    .requiredOption('--name <s>', '姓名')
    .requiredOption('--password-env <VAR>', "the environment variable holding the admin's password")
    .option('--officer <id>', '关联的执法人员编号')
    .option('--json', 'print JSON')
    .action(async (o: { login: string; name: string; passwordEnv: string; officer?: string; json?: boolean }) => {
      const u = await run('users.bootstrap', {
        login: o.login,
        name: o.name,
        password: passwordFrom(o.passwordEnv),
        officerId: o.officer ? Number(o.officer) : null
      })
      if (o.json) return out.json(u)
      out.line(`已创建管理员账户 ${u.login}（${u.name}，编号 ${u.id}）`)
    })
  users
    .command('list')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await run('users.list', {})
      if (o.json) return out.json(list)
      for (const u of list)
        out.line(
          `${String(u.id).padStart(4)}  ${u.login.padEnd(12)} ${u.name.padEnd(6, '　')} ${rolesText(u.roles)}${u.officerId ? `  执法人员 ${u.officerId}` : ''}${u.active ? '' : '  [已停用]'}${u.lockedUntil ? `  [锁定至 ${u.lockedUntil}]` : ''}`
        )
    })
  users
    .command('add')
    .requiredOption('--login <s>', '登录名')
    .requiredOption('--name <s>', '姓名')
    .option('--role <role>', `角色（可重复）：${ROLES.join(', ')}`, collect)
    .option('--officer <id>', '关联的执法人员编号')
    .requiredOption('--new-password-env <VAR>', "the environment variable holding the new user's initial password")
    .option('--json', 'print JSON')
    .action(async (o: { login: string; name: string; role?: string[]; officer?: string; newPasswordEnv: string; json?: boolean }) => {
      const u = await run('users.add', {
        login: o.login,
        name: o.name,
        roles: RolesSchema.parse(pickAll(roleOf, o.role, '--role')),
        officerId: o.officer ? Number(o.officer) : null,
        password: passwordFrom(o.newPasswordEnv)
      })
      if (o.json) return out.json(u)
      out.line(`已新增用户 ${u.login}（${u.name}，${rolesText(u.roles)}，编号 ${u.id}）`)
    })
  users
    .command('edit <id>')
    .option('--name <s>', '姓名')
    .option('--role <role>', '角色（可重复，替换原有角色）', collect)
    .option('--officer <id>', '关联的执法人员编号（none 取消关联）')
    .option('--active', '恢复使用')
    .option('--inactive', '停用')
    .option('--json', 'print JSON')
    .action(
      async (id: string, o: { name?: string; role?: string[]; officer?: string; active?: boolean; inactive?: boolean; json?: boolean }) => {
        const patch = defined({
          name: o.name,
          roles: o.role ? pickAll(roleOf, o.role, '--role') : undefined,
          officerId: o.officer === undefined ? undefined : o.officer === 'none' ? null : Number(o.officer),
          active: o.inactive ? false : o.active ? true : undefined
        })
        const u = await run('users.edit', { id: Number(id), patch })
        if (o.json) return out.json(u)
        out.line(`已修改用户 ${u.login}（${rolesText(u.roles)}${u.active ? '' : '，已停用'}）`)
      }
    )
  users
    .command('reset-password <id>')
    .requiredOption('--new-password-env <VAR>', 'the environment variable holding the new password')
    .action(async (id: string, o: { newPasswordEnv: string }) => {
      const u = await run('users.resetPassword', { id: Number(id), password: passwordFrom(o.newPasswordEnv) })
      out.line(`已重置用户 ${u.login} 的密码`)
    })
}
